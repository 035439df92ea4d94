using CopBot.Community;

namespace CopBot.Community.Tests.Profiles;

public class ExpertProfileTests
{
    [Fact]
    public void Equals_SameValuesInDifferentListInstances_ReturnsTrue()
    {
        Assert.Equal(Create(), Create());
        Assert.Equal(Create().GetHashCode(), Create().GetHashCode());
    }

    [Fact]
    public void Equals_HistoryTagDiffers_ReturnsFalse()
    {
        var changed = Create() with
        {
            History = [new AnsweredQuestion("Targeting?", "Use the registry.", ["targeting", "registry"], null)],
        };

        Assert.NotEqual(Create(), changed);
    }

    [Fact]
    public void Equals_SkillLevelDiffers_ReturnsFalse() =>
        Assert.NotEqual(Create(), Create() with { Skills = [new Skill("cash transfers", 4)] });

    private static ExpertProfile Create() =>
        new("default", "p1", "Ana", [new Skill("cash transfers", 5)], [CommunityRole.Expert])
        {
            Languages = ["en", "es"],
            History = [new AnsweredQuestion("Targeting?", "Use the registry.", ["targeting"], new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero))],
        };
}

using CopBot.Community;

namespace CopBot.Community.Tests.Profiles;

public class SkillTests
{
    [Theory]
    [InlineData("Cash Transfers", "cash transfers")]
    [InlineData("  #HIV ", "hiv")]
    [InlineData("##food   security", "food security")]
    [InlineData("C#", "c#")]
    public void NormalizeTag_MessyInput_ReturnsCanonicalTag(string raw, string expected) =>
        Assert.Equal(expected, Skill.NormalizeTag(raw));

    [Fact]
    public void Constructor_UnnormalisedTag_StoresNormalisedTag()
    {
        var skill = new Skill(" #Fire Management", 4);

        Assert.Equal(new Skill("fire management", 4), skill);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Constructor_LevelOutOfRange_Throws(int level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Skill("nutrition", level));

    [Fact]
    public void Constructor_OnlyHashAndSpaces_Throws() =>
        Assert.Throws<ArgumentException>(() => new Skill(" # ", 3));
}

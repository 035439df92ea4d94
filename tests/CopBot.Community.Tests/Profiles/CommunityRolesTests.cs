using CopBot.Community;

namespace CopBot.Community.Tests.Profiles;

public class CommunityRolesTests
{
    [Theory]
    [InlineData("knowledgeManager", CommunityRole.KnowledgeManager)]
    [InlineData("FACILITATOR", CommunityRole.Facilitator)]
    [InlineData(" expert ", CommunityRole.Expert)]
    public void TryParse_KnownNameInAnyCase_ReturnsRole(string name, CommunityRole expected)
    {
        Assert.True(CommunityRoles.TryParse(name, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("boss")]
    [InlineData(null)]
    public void TryParse_NumberOrUnknownName_ReturnsFalse(string? name) =>
        Assert.False(CommunityRoles.TryParse(name, out _));

    [Fact]
    public void ToName_EveryRole_RoundTripsThroughTryParse()
    {
        foreach (var role in Enum.GetValues<CommunityRole>())
        {
            Assert.True(CommunityRoles.TryParse(CommunityRoles.ToName(role), out var parsed));
            Assert.Equal(role, parsed);
        }
    }
}

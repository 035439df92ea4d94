using CopBot.Community;

namespace CopBot.Community.Tests.Profiles;

/// <summary>Keeps samples/demo-community.jsonl valid and true to what the demo promises.</summary>
public class DemoCommunityFileTests
{
    [Fact]
    public void DemoFile_EveryLine_ParsesIntoTwelveProfilesOfTheDefaultCommunity()
    {
        var profiles = ParseDemoFile();

        Assert.Equal(12, profiles.Count);
        Assert.All(profiles, p => Assert.Equal(ExpertProfile.DefaultCommunity, p.Community));
        Assert.Equal(12, profiles.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void DemoFile_Profiles_HaveTwoFacilitatorsAndTwoToFourHistoryItemsEach()
    {
        var profiles = ParseDemoFile();

        Assert.Equal(2, profiles.Count(p => p.Roles.Contains(CommunityRole.Facilitator)));
        Assert.All(profiles, p => Assert.InRange(p.History.Count, 2, 4));
        Assert.All(profiles, p => Assert.NotEmpty(p.Skills));
    }

    [Theory]
    [InlineData("cash transfers")]
    [InlineData("social protection")]
    [InlineData("hiv")]
    [InlineData("nutrition")]
    [InlineData("fire management")]
    [InlineData("forestry")]
    [InlineData("monitoring and evaluation")]
    public void DemoFile_EachTheme_HasAtLeastTwoPeople(string tag) =>
        Assert.True(ParseDemoFile().Count(p => p.Skills.Any(s => s.Tag == tag)) >= 2);

    private static List<ExpertProfile> ParseDemoFile()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "samples", "demo-community.jsonl"));
        return [.. lines.Select(line => ProfileLineParser.Parse(line).Profile ?? throw new InvalidDataException(line))];
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "CopBot.sln")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("CopBot.sln not found.");
        }

        return directory.FullName;
    }
}

using CopBot.Community;

namespace CopBot.Community.Tests.Profiles;

public class ProfileLineParserTests
{
    [Fact]
    public void Parse_MinimalLine_AppliesDefaults()
    {
        var result = ProfileLineParser.Parse("""{"id":"29:1abc","name":"Ana Costa"}""");

        var profile = Assert.IsType<ExpertProfile>(result.Profile);
        Assert.Equal(new ExpertProfile("default", "29:1abc", "Ana Costa", [], [CommunityRole.Member], 3), profile);
    }

    [Fact]
    public void Parse_FullLine_ReadsAndNormalisesEveryField()
    {
        const string line = """
            {"id":" emp-1 ","name":"Ana","community":"cash","aadObjectId":"0D3B6A7E-0000-4000-8000-000000000001",
             "email":"Ana@Example.org","skills":["#Cash Transfers",{"tag":"Targeting","level":5},{"tag":"cash transfers","level":4}],
             "bio":"Line one\nline two","languages":["en","EN","pt"],"location":"Maputo","organization":"WFP",
             "roles":["expert","knowledgeManager"],"maxOpenRequests":0,"busyUntil":"2024-04-15T12:00:00+02:00",
             "history":[{"title":"How to target?","text":"Use the registry.","tags":["#Targeting"],"at":"2024-03-01"}]}
            """;

        var profile = ProfileLineParser.Parse(line.ReplaceLineEndings(" ")).Profile;

        var expected = new ExpertProfile(
            "cash", "emp-1", "Ana", [new Skill("cash transfers", 4), new Skill("targeting", 5)],
            [CommunityRole.Expert, CommunityRole.KnowledgeManager], 0)
        {
            AadObjectId = "0d3b6a7e-0000-4000-8000-000000000001",
            Email = "Ana@Example.org",
            Bio = "Line one\nline two",
            Languages = ["en", "pt"],
            Location = "Maputo",
            Organization = "WFP",
            BusyUntil = new DateTimeOffset(2024, 4, 15, 10, 0, 0, TimeSpan.Zero),
            History = [new AnsweredQuestion("How to target?", "Use the registry.", ["targeting"], new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero))],
        };
        Assert.Equal(expected, profile);
    }

    [Theory]
    [InlineData("{\"id\":\"x\",", "invalid JSON")]
    [InlineData("[1,2]", "one JSON object")]
    [InlineData("""{"name":"Ana"}""", "'id' is required")]
    [InlineData("""{"id":"x","name":"  "}""", "'name' must not be empty")]
    [InlineData("""{"id":42,"name":"Ana"}""", "'id' must be a string")]
    [InlineData("""{"id":"x\u0007y","name":"Ana"}""", "'id' contains control characters")]
    [InlineData("""{"id":"x","name":"Ana","skills":[{"tag":"hiv","level":7}]}""", "'skills[0].level' must be an integer from 1 to 5")]
    [InlineData("""{"id":"x","name":"Ana","skills":[{"tag":"hiv","level":2.5}]}""", "'skills[0].level' must be an integer from 1 to 5")]
    [InlineData("""{"id":"x","name":"Ana","skills":[true]}""", "'skills[0]' must be a tag string")]
    [InlineData("""{"id":"x","name":"Ana","skills":["#"]}""", "'skills[0]' has an empty tag")]
    [InlineData("""{"id":"x","name":"Ana","roles":["boss"]}""", "unknown role 'boss'")]
    [InlineData("""{"id":"x","name":"Ana","aadObjectId":"not-a-guid"}""", "'aadObjectId' must be a GUID")]
    [InlineData("""{"id":"x","name":"Ana","email":"ana.example.org"}""", "'email' must look like name@domain")]
    [InlineData("""{"id":"x","name":"Ana","maxOpenRequests":101}""", "'maxOpenRequests' must be an integer from 0 to 100")]
    [InlineData("""{"id":"x","name":"Ana","history":[{"text":"no title"}]}""", "'history[0].title' is required")]
    [InlineData("""{"id":"x","name":"Ana","history":[{"title":"t","at":"last spring"}]}""", "'history[0].at' must be an ISO 8601 date")]
    [InlineData("""{"id":"x","name":"Ana","languages":"en"}""", "'languages' must be an array")]
    [InlineData("""{"id":"x","name":"Ana","busyUntil":"next week"}""", "'busyUntil' must be an ISO 8601 date")]
    [InlineData("""{"id":"x","name":"Ana","busyUntil":"2024-02-30"}""", "'busyUntil' must be an ISO 8601 date")]
    [InlineData("""{"id":"x","name":"Ana","busyUntil":20240301}""", "'busyUntil' must be a string")]
    public void Parse_InvalidLine_ReturnsReason(string line, string expectedReason)
    {
        var result = ProfileLineParser.Parse(line);

        Assert.Null(result.Profile);
        Assert.Contains(expectedReason, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id", ProfileLimits.MaxIdLength)]
    [InlineData("name", ProfileLimits.MaxNameLength)]
    [InlineData("bio", ProfileLimits.MaxBioLength)]
    [InlineData("community", ProfileLimits.MaxCommunityLength)]
    public void Parse_FieldOneCharacterTooLong_IsRejected(string field, int maxLength)
    {
        var fields = new Dictionary<string, string> { ["id"] = "x", ["name"] = "Ana", [field] = new string('a', maxLength + 1) };

        var result = ProfileLineParser.Parse(System.Text.Json.JsonSerializer.Serialize(fields));

        Assert.Contains($"'{field}' is longer than {maxLength} characters", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsAllOfThemWithTheId()
    {
        var result = ProfileLineParser.Parse("""{"id":"p7","skills":[{"tag":"hiv","level":0}],"roles":["chief"]}""");

        Assert.Equal("p7", result.ProfileId);
        Assert.Contains("'name' is required", result.Error, StringComparison.Ordinal);
        Assert.Contains("'skills[0].level'", result.Error, StringComparison.Ordinal);
        Assert.Contains("unknown role 'chief'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownPropertiesAndNulls_AreIgnored()
    {
        var result = ProfileLineParser.Parse("""{"id":"x","name":"Ana","department":"HR","bio":null,"skills":null}""");

        Assert.Equal(new ExpertProfile("default", "x", "Ana", [], [CommunityRole.Member]), result.Profile);
    }

    [Fact]
    public void Parse_BusyUntilDateOnly_IsMidnightUtcOfThatDay()
    {
        var profile = ProfileLineParser.Parse("""{"id":"x","name":"Ana","busyUntil":"2025-03-10"}""").Profile!;

        Assert.Equal(new DateTimeOffset(2025, 3, 10, 0, 0, 0, TimeSpan.Zero), profile.BusyUntil);
        Assert.True(profile.IsBusyAt(new DateTimeOffset(2025, 3, 9, 23, 59, 0, TimeSpan.Zero)));
        Assert.False(profile.IsBusyAt(new DateTimeOffset(2025, 3, 10, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Parse_HostileButPrintableId_IsAccepted()
    {
        var result = ProfileLineParser.Parse("""{"id":"a/b\\c#d?e%f|g","name":"Ana"}""");

        Assert.Equal("a/b\\c#d?e%f|g", result.Profile?.Id);
    }
}

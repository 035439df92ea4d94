using CopBot.Testing;

namespace CopBot.Cards.Tests;

/// <summary>Proves the validator is not vacuous: broken cards are reported, and for the right reason.</summary>
public sealed class AdaptiveCardValidatorTests
{
    private const string Valid = """
        {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Hi"}],
         "actions":[{"type":"Action.Execute","title":"Go","verb":"go","fallback":{"type":"Action.Submit","title":"Go","data":{"verb":"go"}}}]}
        """;

    public static TheoryData<string, string, string> Broken => new()
    {
        { "unknown-element", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Bogus","text":"x"}]}""", "UnknownElementType" },
        { "input-without-id", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text"}]}""", "PropertyCantBeNull" },
        { "open-url-without-url", """{"type":"AdaptiveCard","version":"1.5","actions":[{"type":"Action.OpenUrl","title":"x"}]}""", "PropertyCantBeNull" },
        { "execute-at-1.3", """{"type":"AdaptiveCard","version":"1.3","actions":[{"type":"Action.Execute","title":"x","verb":"v"}]}""", "UnknownActionType" },
        { "version-1.6", """{"type":"AdaptiveCard","version":"1.6","body":[]}""", "UnsupportedCardVersion" },
        { "no-version", """{"type":"AdaptiveCard","body":[]}""", "MissingVersion" },
        { "bad-enum", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","size":"Huge"}]}""", "InvalidPropertyValue" },
        { "duplicate-id", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"a"},{"type":"Input.Date","id":"a"}]}""", "DuplicateId" },
        { "broken-fallback", """{"type":"AdaptiveCard","version":"1.5","actions":[{"type":"Action.Execute","title":"x","verb":"v","fallback":{"type":"Action.OpenUrl","title":"y"}}]}""", "fallback" },
        { "not-json", "{ nope", "InvalidJson" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Validate_BrokenCard_ReportsError(string name, string json, string expected)
    {
        var result = AdaptiveCardValidator.Validate(json, name);

        Assert.Contains(result.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MisspelledProperty_ReportsWarning()
    {
        var result = AdaptiveCardValidator.Validate("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","wieght":"Bolder"}]}""");

        Assert.Empty(result.Errors);
        Assert.Contains(result.Warnings, w => w.Contains("wieght", StringComparison.Ordinal));
        Assert.False(result.IsClean);
    }

    [Fact]
    public void Validate_RequiredInputWithoutLabel_ReportsWarning()
    {
        var result = AdaptiveCardValidator.Validate("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"a","isRequired":true}]}""");

        Assert.Contains(result.Warnings, w => w.StartsWith("RequiredInputsShouldHaveLabel", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TeamsLimitsExceeded_ReportsErrors()
    {
        var users = string.Join(",", Enumerable.Range(0, 61).Select(i => $"\"29:{i}\""));
        var tooManyUsers = $$$"""{"type":"AdaptiveCard","version":"1.5","refresh":{"action":{"type":"Action.Execute","verb":"r"},"userIds":[{{{users}}}]}}""";
        var tooLarge = $$$"""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"{{{new string('x', CardLimits.MaxBytes)}}}"}]}""";

        var results = AdaptiveCardValidator.ValidateMany(new Dictionary<string, string> { ["users"] = tooManyUsers, ["large"] = tooLarge });

        Assert.Contains(results["users"].Errors, e => e.StartsWith("TooManyRefreshUsers", StringComparison.Ordinal));
        Assert.Contains(results["large"].Errors, e => e.StartsWith("TooLarge", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ValidCard_IsClean()
    {
        var result = AdaptiveCardValidator.Validate(Valid, "valid");

        Assert.True(result.IsClean, result.ToString());
        Assert.Equal("valid", result.Name);
    }

    [Fact]
    public void ValidateMany_MixedCards_KeysEachResultByName()
    {
        var results = AdaptiveCardValidator.ValidateMany(new Dictionary<string, string>
        {
            ["good one"] = Valid,
            ["bad/one"] = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Bogus"}]}""",
        });

        Assert.True(results["good one"].IsClean);
        Assert.NotEmpty(results["bad/one"].Errors);
    }

    [Fact]
    public void RepoRoot_FromTestBinaries_HoldsTheSolution()
    {
        Assert.True(File.Exists(Path.Combine(AdaptiveCardValidator.RepoRoot, "CopBot.sln")));
    }
}

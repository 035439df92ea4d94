using CopBot.Community;
using CopBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.EndToEndTests.Support;

/// <summary>The demo community (samples/demo-community.jsonl) whose profiles include the playground's users.</summary>
internal static class DemoCommunity
{
    /// <summary>Kalani is both a playground user and a demo-community profile (same Teams id), a fire-management expert.</summary>
    public const string KalaniId = "29:1Ty5WnQx2LkJ8cVb6ZmR3aPs9DfG0hEo7UiY4tKw1XrNqMj";

    /// <summary>Imports the profiles into the bot's storage and rebuilds its routing index at once.</summary>
    public static async Task SeedAsync(EndToEndHarness e2e)
    {
        var profiles = e2e.Bot.Services.GetRequiredService<IProfileStore>();
        using var reader = File.OpenText(Path.Combine(AzuriteFixture.RepositoryRoot, "samples", "demo-community.jsonl"));
        var summary = await new ProfileImporter(profiles).ImportAsync(reader);
        Assert.Empty(summary.Errors);
        await RefreshIndexAsync(e2e);
    }

    /// <summary>Rebuilds the bot's routing index now, as its background refresher does at start and then periodically.</summary>
    public static Task RefreshIndexAsync(EndToEndHarness e2e) =>
        e2e.Bot.Services.GetRequiredService<ExpertIndexHolder>().RefreshAsync(e2e.Bot.Services.GetRequiredService<IProfileStore>());
}

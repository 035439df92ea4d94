using System.Text.Json;
using CopBot.Community;
using CopBot.EndToEndTests.Support;
using CopBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CopBot.EndToEndTests;

/// <summary>
/// The query flow clicked through the Agents Playground's own web UI in headless Chromium (Ui/query-flow.ui.js):
/// the member posts in the team channel, the expert answers in CopBot's 1:1 card, the answer appears in the
/// thread. Screenshots go to TestResults/screenshots/query-flow under the test output. The browser reaches
/// loopback only. How the expert's window is made is explained at the top of the script.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class QueryFlowUiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Question = "How do we run prescribed burning safely with village fire brigades? #fire-management";
    private const string Answer = "Burn early in the dry season with a permit, brief the brigade, keep a wet line.";

    private static readonly string[] Screens =
    [
        "01-member-writes-query", "02-member-sees-acknowledgement", "03-expert-gets-card",
        "04-expert-writes-answer", "05-expert-card-done", "06-member-sees-answer",
    ];

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", "query-flow");

    [Fact]
    public async Task Query_ClickedThroughTheWebUi_ExpertAnswersFromTheCardAndTheAnswerShowsInTheThread()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: test.sh installs Debian's chromium (apt-get install chromium).");
        if (Directory.Exists(ScreenshotFolder))
        {
            Directory.Delete(ScreenshotFolder, recursive: true);
        }

        await using var e2e = await EndToEndHarness.StartAsync(azurite);
        await DemoCommunity.SeedAsync(e2e);
        var expertChat = await e2e.OpenPersonalChatAsync(DemoCommunity.KalaniId);
        var arguments = JsonSerializer.Serialize(new
        {
            playground = e2e.Playground.BaseAddress.AbsoluteUri,
            expertId = DemoCommunity.KalaniId,
            expertChatId = expertChat,
            question = Question,
            answer = Answer,
            screenshots = ScreenshotFolder,
        });

        var run = await NodeScript.RunAsync(Path.Combine("tests", "CopBot.EndToEndTests", "Ui", "query-flow.ui.js"), arguments, TimeSpan.FromMinutes(3));
        output.WriteLine(run.Output);
        output.WriteLine($"Screenshots: {ScreenshotFolder}");

        Assert.True(run.ExitCode == 0, $"The UI script failed ({run}). Playground: {e2e.Playground.Diagnostics()}");
        Assert.All(Screens, name => Assert.True(File.Exists(Path.Combine(ScreenshotFolder, name + ".png")), $"{name}.png is missing"));

        // What the browser showed is what the bot did: the answer card reached the thread and the expert's
        // assignment is stored as answered.
        var answer = await e2e.WaitForBotMessageAsync(m => m.Cards.Count > 0
            && CardAssert.Texts(m.Cards[0])[0].StartsWith("Answer from Kalani", StringComparison.Ordinal));
        Assert.Contains(Answer, CardAssert.Texts(answer.Cards[0]));
        CardAssert.Valid(answer.Cards[0], "answer in thread");
        var store = e2e.Bot.Services.GetRequiredService<IQueryStore>();
        var ack = await e2e.WaitForBotMessageAsync(m => m.Cards.Count > 0 && CardAssert.Texts(m.Cards[0])[0] == "Query");
        var requestId = (string)ack.Cards[0]["actions"]![0]!["data"]!["requestId"]!;
        var query = await store.GetAsync("default", requestId, CancellationToken.None);
        Assert.Equal(AssignmentState.Answered, query!.Find(DemoCommunity.KalaniId, null)!.State);
    }
}

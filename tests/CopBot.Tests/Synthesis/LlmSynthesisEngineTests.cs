using CopBot.Community;
using CopBot.Features.Synthesis;
using Microsoft.Extensions.Logging.Abstractions;

namespace CopBot.Tests.Synthesis;

public class LlmSynthesisEngineTests
{
    private static readonly DateTimeOffset Asked = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static SynthesisRequest Request() => new(
        "default", "q-1", "query", "How do we keep fire brigade volunteers engaged?", new Contributor("asker", "Zeynep"), Asked,
        [
            new("c1", new Contributor("kalani", "Kalani Akana", "Forest Service"), "Pay a small stipend in the burning season. See https://example.org/stipends.", Asked.AddHours(2)),
            new("c2", new Contributor("ana", "Ana Lima", "FAO"), "Train brigades with the rangers every year. Has anyone tried insurance?", Asked.AddHours(5)),
        ]);

    private const string GoodAnswer = """
        ```json
        {"synopsis": "Stipends and joint training keep brigades active.",
         "themes": [{"label": "Incentives", "points": [{"text": "A small stipend in the burning season.", "sources": [1]},
                                                       {"text": "Invented point citing nobody.", "sources": [7]}]},
                    {"label": "Training", "points": [{"text": "Yearly training with rangers.", "sources": [2, 1]}]}],
         "resources": [{"url": "https://example.org/stipends", "sources": [1]}, {"url": "https://made-up.example.com", "sources": [1]}],
         "disagreements": [],
         "openQuestions": [{"text": "Would insurance help?", "sources": [2]}],
         "nextSteps": [{"text": "Budget stipends for next season.", "sources": [1]}]}
        ```
        """;

    private static LlmSynthesisEngine Engine(FakeChatClient client, TimeSpan? timeout = null) =>
        new(client, new ExtractiveSynthesizer(), timeout ?? TimeSpan.FromSeconds(5), NullLogger<LlmSynthesisEngine>.Instance);

    [Fact]
    public async Task SynthesizeAsync_GroundedJson_DraftFromTheModelWithCreditsFromTheRequest()
    {
        var client = FakeChatClient.Answering(GoodAnswer);

        var draft = await Engine(client).SynthesizeAsync(Request(), CancellationToken.None);

        Assert.Equal("llm", draft.Engine);
        Assert.Equal("Stipends and joint training keep brigades active.", draft.Synopsis);
        Assert.Equal(["Incentives", "Training"], draft.Themes.Select(t => t.Label));
        Assert.DoesNotContain(draft.KeyPoints, p => p.Text.StartsWith("Invented", StringComparison.Ordinal));
        Assert.Equal(["ana", "kalani"], draft.Themes[1].Points[0].ContributorIds);
        Assert.Equal(["https://example.org/stipends"], draft.Resources.Select(r => r.Url));
        Assert.Equal(["kalani", "ana"], draft.Contributors.Select(c => c.Id));
        Assert.Equal(new SynthesisStatistics(2, 2, 2, TimeSpan.FromHours(2)), draft.Statistics);
        var prompt = Assert.Single(client.Calls);
        Assert.Contains("[1] Kalani Akana (Forest Service): Pay a small stipend", prompt[1].Text, StringComparison.Ordinal);
        Assert.Contains("[2] Ana Lima (FAO):", prompt[1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I am sorry, I cannot help with that.")]
    [InlineData("{\"synopsis\": \"ok\", \"themes\": [{\"label\": \"x\", \"points\": [{\"text\": \"cites nothing\", \"sources\": []}]}]}")]
    [InlineData("{\"synopsis\": \"\", \"themes\": []}")]
    [InlineData("{\"synopsis\": \"ok\", \"themes\": [ broken")]
    public async Task SynthesizeAsync_GarbageOrUngrounded_ExtractiveDraft(string answer)
    {
        var draft = await Engine(FakeChatClient.Answering(answer)).SynthesizeAsync(Request(), CancellationToken.None);

        Assert.Equal("extractive", draft.Engine);
        Assert.Equal(["ana", "kalani"], draft.AllPoints.SelectMany(p => p.ContributorIds).Distinct().Order());
    }

    [Fact]
    public async Task SynthesizeAsync_ClientThrows_ExtractiveDraft()
    {
        var draft = await Engine(FakeChatClient.Throwing(new HttpRequestException("503 from the model"))).SynthesizeAsync(Request(), CancellationToken.None);

        Assert.Equal("extractive", draft.Engine);
        Assert.NotEmpty(draft.KeyPoints);
    }

    [Fact]
    public async Task SynthesizeAsync_ModelTooSlow_ExtractiveDraftAfterTheTimeout()
    {
        var draft = await Engine(FakeChatClient.Hanging(), TimeSpan.FromMilliseconds(200)).SynthesizeAsync(Request(), CancellationToken.None);

        Assert.Equal("extractive", draft.Engine);
    }

    [Fact]
    public async Task SynthesizeAsync_NoContributions_ModelNotAsked()
    {
        var client = FakeChatClient.Answering(GoodAnswer);

        var draft = await Engine(client).SynthesizeAsync(Request() with { Contributions = [] }, CancellationToken.None);

        Assert.Empty(client.Calls);
        Assert.Equal("extractive", draft.Engine);
    }
}

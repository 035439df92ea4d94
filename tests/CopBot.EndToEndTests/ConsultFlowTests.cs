using System.Text.Json.Nodes;
using CopBot.Cards;
using CopBot.Community;
using CopBot.EndToEndTests.Support;
using CopBot.Testing;

namespace CopBot.EndToEndTests;

/// <summary>
/// The consultation modality through the real Agents Playground, on a fake clock: a member asks for comments in the
/// team channel and sends the form, the status card appears in the thread, a reviewer reviews from their 1:1 card,
/// the status card is redrawn in place, the bot restarts, and at the deadline the summary goes out and the status
/// card says so.
/// </summary>
/// <remarks>The reviewer's press goes through <see cref="RequestSteps"/>.</remarks>
[Collection(AzuriteFixture.Collection)]
public sealed class ConsultFlowTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Consult_ReviewerReviews_RestartDeadlineSendsSummary()
    {
        await using var e2e = await RequestSteps.StartOnFakeClockAsync(azurite);

        var (thread, form) = await e2e.OpenInChannelAsync("consult Prescribed burning plan for village brigades", "Ask for comments", "consultation form");
        var submitted = await e2e.InvokeAsync(thread, form.MessageId, ConsultVerbs.Submit, new JsonObject
        {
            [ConsultCardKeys.Title] = "Prescribed burning plan for village brigades",
            [ConsultCardKeys.Document] = "https://example.org/burn-plan.docx",
            [ConsultCardKeys.Question(1)] = "Is the #fire-management season window for prescribed burning right?",
            [ConsultCardKeys.Question(2)] = "Are the brigade safety briefings enough?",
            [ConsultCardKeys.Deadline] = "2026-03-05",
            [ConsultCardKeys.Reviewers] = "Kalani Makoa Reyes",
        });
        Assert.Contains("Sent for review", RequestSteps.ValueText(submitted), StringComparison.Ordinal);

        var status = await e2e.WaitForValidCardAsync(thread, "Consultation", "consultation status");
        var requestId = RequestSteps.RequestId(status, ConsultCardKeys.RequestId);
        var kalani = await e2e.Store<IConsultationStore>().WaitForPersonalCardAsync(requestId, c => c.Find(DemoCommunity.KalaniId, null), "Kalani asked 1:1 for a review");
        var invited = (await e2e.Store<IConsultationStore>().ReadAsync(requestId))!.Reviewers.Count;

        var reviewed = await e2e.PressAsAsync(kalani, ConsultVerbs.Review, new JsonObject
        {
            [ConsultCardKeys.RequestId] = requestId,
            [ConsultCardKeys.Answer(1)] = "Early dry season, morning burns only, with a permit.",
            [ConsultCardKeys.Rating] = "4",
        });

        Assert.Contains("Saved. You can edit your review until 2026-03-06 00:00 UTC", RequestSteps.ValueText(reviewed), StringComparison.Ordinal);
        await e2e.WaitForValidUpdateAsync(status.MessageId, card => CardAssert.Facts(card).Contains(("Reviews", $"1 received / {invited} invited")), "status after a review");

        await e2e.RestartBotAsync();

        var summary = await e2e.AdvanceClockUntilAsync(TimeSpan.FromDays(4), m => CardAssert.Title(m) == "Consultation summary");
        CardAssert.Valid(summary.Cards[0], "consultation summary");
        var texts = CardAssert.Texts(summary.Cards[0]);
        Assert.Contains(texts, t => t.Contains("Early dry season, morning burns only", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Thanks to Kalani Makoa Reyes", StringComparison.Ordinal));
        await e2e.WaitForUpdateAsync(status.MessageId, card => CardAssert.Facts(card).Contains(("Status", "Closed: summary sent to the requester and facilitators")));
        var closed = await e2e.Store<IConsultationStore>().ReadAsync(requestId);
        Assert.Equal(ConsultationStatus.Closed, closed!.Status);
        Assert.Equal("deadline", closed.ClosedBy);
    }
}

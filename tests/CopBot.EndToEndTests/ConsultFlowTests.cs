using System.Text.Json.Nodes;
using CopBot.Cards;
using CopBot.Community;
using CopBot.EndToEndTests.Support;
using CopBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.EndToEndTests;

/// <summary>
/// The consultation modality through the real Agents Playground, on a fake clock: a member asks for comments in the
/// team channel and sends the form, the status card appears in the thread, a reviewer reviews from their 1:1 card,
/// the status card is redrawn in place, the bot restarts, and at the deadline the summary goes out and the status
/// card says so.
/// </summary>
/// <remarks>
/// The reviewer's press goes through the playground's invoke API with the reviewer's id (the playground speaks only
/// as its current user, the requester, and does not show other users' 1:1 chats), as in <see cref="QueryFlowTests"/>.
/// </remarks>
[Collection(AzuriteFixture.Collection)]
public sealed class ConsultFlowTests(AzuriteFixture azurite)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Consult_ReviewerReviews_RestartDeadlineSendsSummary()
    {
        await using var e2e = await EndToEndHarness.StartInTeamChannelAsync(azurite, _clock);

        var thread = await e2e.CommandInChannelAsync("consult Prescribed burning plan for village brigades");
        var form = await e2e.WaitForCardAsync(thread, "Ask for comments");
        CardAssert.Valid(form.Cards[0], "consultation form");
        var submitted = await e2e.InvokeAsync(thread, form.MessageId, ConsultVerbs.Submit, new JsonObject
        {
            [ConsultCardKeys.Title] = "Prescribed burning plan for village brigades",
            [ConsultCardKeys.Document] = "https://example.org/burn-plan.docx",
            [ConsultCardKeys.Question(1)] = "Is the #fire-management season window for prescribed burning right?",
            [ConsultCardKeys.Question(2)] = "Are the brigade safety briefings enough?",
            [ConsultCardKeys.Deadline] = "2026-03-05",
            [ConsultCardKeys.Reviewers] = "Kalani Makoa Reyes",
        });
        Assert.Contains("Sent for review", submitted["value"]!.ToJsonString(), StringComparison.Ordinal);

        var status = await e2e.WaitForCardAsync(thread, "Consultation");
        CardAssert.Valid(status.Cards[0], "consultation status");
        var requestId = (string)CardAssert.ExecuteActions(status.Cards[0])[0]["data"]![ConsultCardKeys.RequestId]!;
        var kalani = await Poll.UntilAsync(
            async () => (await e2e.Bot.Services.GetRequiredService<IConsultationStore>().GetAsync("default", requestId, CancellationToken.None))?.Find(DemoCommunity.KalaniId, null),
            r => r is { NotifiedBy: NotificationChannel.PersonalCard, CardActivityId: not null },
            "Kalani asked 1:1 for a review");
        var invited = (await e2e.Bot.Services.GetRequiredService<IConsultationStore>().GetAsync("default", requestId, CancellationToken.None))!.Reviewers.Count;

        var reviewed = await e2e.InvokeAsync(kalani.PersonalConversationId!, kalani.CardActivityId!, ConsultVerbs.Review, new JsonObject
        {
            [ConsultCardKeys.RequestId] = requestId,
            [ConsultCardKeys.Answer(1)] = "Early dry season, morning burns only, with a permit.",
            [ConsultCardKeys.Rating] = "4",
        }, fromId: DemoCommunity.KalaniId);

        Assert.Contains("Saved. You can edit your review until 2026-03-06 00:00 UTC", reviewed["value"]!.ToJsonString(), StringComparison.Ordinal);
        var redrawn = await e2e.WaitForUpdateAsync(status.MessageId, card => CardAssert.Facts(card).Contains(("Reviews", $"1 received / {invited} invited")));
        CardAssert.Valid(redrawn.Cards[0], "status after a review");

        await e2e.RestartBotAsync();

        var summary = await e2e.AdvanceClockUntilAsync(TimeSpan.FromDays(4), m => m.Cards.Count > 0
            && CardAssert.Texts(m.Cards[0])[0] == "Consultation summary");
        CardAssert.Valid(summary.Cards[0], "consultation summary");
        var texts = CardAssert.Texts(summary.Cards[0]);
        Assert.Contains(texts, t => t.Contains("Early dry season, morning burns only", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Thanks to Kalani Makoa Reyes", StringComparison.Ordinal));
        await e2e.WaitForUpdateAsync(status.MessageId, card => CardAssert.Facts(card).Contains(("Status", "Closed: summary sent to the requester and facilitators")));
        var closed = await e2e.Bot.Services.GetRequiredService<IConsultationStore>().GetAsync("default", requestId, CancellationToken.None);
        Assert.Equal(ConsultationStatus.Closed, closed!.Status);
        Assert.Equal("deadline", closed.ClosedBy);
    }
}

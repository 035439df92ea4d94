using System.Text.Json.Nodes;
using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Discuss;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CopBot.Tests.Support.CommunityScenario;

namespace CopBot.Tests;

/// <summary>A closed discussion handed to the facilitators is synthesised like a query: its thread replies are the contributions.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class DiscussionSynthesisTests(AzuriteFixture azurite)
{
    private const string Topic = "Cash transfers for informal workers: how did you use the social registry? #cash-transfers";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ClosedDiscussion_FacilitatorSynthesizesFromTheReadyCard_RepliesCreditedPostedInTheThreadAndKept()
    {
        await using var bot = await StartAsync(azurite, _clock);
        await PrepareAsync(bot);
        var open = ChannelCommand(bot, "discuss " + Topic);
        var thread = (string)open["conversation"]!["id"]!;
        await PostOkAsync(bot, open);
        var store = bot.Services.GetRequiredService<IDiscussionStore>();
        var id = Assert.Single(await store.ListOpenAsync("default", CancellationToken.None));
        await PostOkAsync(bot, ThreadReply(bot, thread, AmaraId, "Amara Nwosu-Lindqvist",
            "In Kenya we pre-registered informal workers through the social registry before the drought season. Mobile money reached them within two days.", mentionBot: false));
        await PostOkAsync(bot, ThreadReply(bot, thread, "29:1LocalMember", "Juma Said",
            "Market vendors were missing from the registry, so we ran an on-demand registration drive with the vendors' associations.", mentionBot: true));
        _clock.Advance(TimeSpan.FromDays(7));
        await bot.Services.GetRequiredService<DiscussDeadlineChecker>().RunOnceAsync(CancellationToken.None);
        await bot.DrainOutboxAsync();

        var ready = bot.SentCards.Last(c => c.ToJsonString().Contains("Ready for synthesis", StringComparison.Ordinal));
        var start = ready["actions"]!.AsArray().Single(a => (string?)a!["verb"] == SynthesisVerbs.Start)!;
        Assert.Equal(id, (string?)start["data"]![SynthesisCardKeys.RequestId]);
        var stranger = await InvokeAsync(bot, CardAction(bot, StrangerId, null, thread, SynthesisVerbs.Start, new JsonObject { [SynthesisCardKeys.RequestId] = id }));
        Assert.Equal(403, (int)stranger["statusCode"]!);

        await InvokeAsync(bot, CardAction(bot, AmaraId, AmaraAad, thread, SynthesisVerbs.Start, new JsonObject { [SynthesisCardKeys.RequestId] = id }));

        var draft = bot.SentCards.Last(c => c.ToJsonString().Contains("Draft consolidated reply", StringComparison.Ordinal));
        var draftText = draft.ToJsonString();
        Assert.Contains("Juma Said", draftText, StringComparison.Ordinal);
        Assert.Contains("Amara Nwosu-Lindqvist", draftText, StringComparison.Ordinal);
        var publish = draft["actions"]!.AsArray().Single(a => (string?)a!["verb"] == SynthesisVerbs.Publish)!;
        var data = publish["data"]!.DeepClone().AsObject();
        foreach (var input in draft["body"]!.AsArray().Where(e => (string?)e!["type"] == "Input.Text"))
        {
            data[(string)input!["id"]!] = (string?)input["value"] ?? "";
        }

        var sentBefore = bot.Sent.Count;
        await InvokeAsync(bot, CardAction(bot, AmaraId, AmaraAad, PersonalConversationOf(bot, AmaraId), SynthesisVerbs.Publish, data));

        Assert.Contains(bot.Sent.Skip(sentBefore), r => r.Method == "POST" && r.Path.Contains(thread, StringComparison.Ordinal)
            && r.Body.Contains("Consolidated reply", StringComparison.Ordinal) && r.Body.Contains("Juma Said", StringComparison.Ordinal));
        Assert.Equal(DiscussionStatus.Closed, (await store.GetAsync("default", id, CancellationToken.None))!.Status);
        var kept = await bot.Services.GetRequiredService<IKnowledgeBase>().ListAsync("default", CancellationToken.None);
        Assert.Contains(kept, e => e.Kind == KnowledgeKind.Synthesis && e.SourceId == id);
        SentCardAssert.Valid(bot.SentCards);
    }
}

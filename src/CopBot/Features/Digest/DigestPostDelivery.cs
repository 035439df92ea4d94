using CopBot.Cards;
using CopBot.Community;
using CopBot.Outbox;
using CopBot.Protocol;
using CopBot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Digest;

/// <summary>
/// The outbox handler that posts a period's digest in the community channel (kind <c>digest.post</c>, one key per
/// community and period) and records the outcome in the digest log: posted with the activity id, quiet, no channel,
/// or superseded. Connector failures are retried with the outbox's backoff and end in its poison queue, not lost.
/// </summary>
/// <remarks>
/// The digest is built here, when it is sent, not when it is enqueued: the message carries ids only (community and
/// period), like every outbox message, so it stays small (a digest card may approach Teams' 28 KB while a queue message
/// holds 64 KB) and a retried or delayed post shows storage as it is then (a request answered meanwhile is no longer
/// listed as needing help). The period has ended, so what it covers does not move; the quiet decision is taken here
/// too, on the same data as the card.
/// </remarks>
public sealed class DigestPostDelivery(
    DigestReader reader,
    IDigestLog log,
    ICommunityChannelStore channels,
    IConnectorClient connector,
    IOptions<DigestOptions> options,
    TimeProvider clock,
    ILogger<DigestPostDelivery> logger) : IOutboxHandler
{
    public const string PostKind = "digest.post";

    private const string AlreadyRecorded = "recorded";

    public string Kind => PostKind;

    public static OutboxMessage Message(string community, DigestPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return OutboxMessage.Create(PostKind, OutboxMessage.KeyOf(period.Key, community, PostKind), new Payload(community, period.From, period.To));
    }

    public async Task<string> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.PayloadAs<Payload>();
        var period = new DigestPeriod(payload.From, payload.To);
        if (await log.GetAsync(payload.Community, period.Key, cancellationToken) is not (null or DigestOutcome.Claimed))
        {
            return AlreadyRecorded;
        }

        if (options.Value.Schedule.LatestEndedBy(clock.GetUtcNow())?.Key != period.Key)
        {
            return Outcome(DigestOutcome.Superseded, null);
        }

        var channel = await channels.GetAsync(payload.Community, cancellationToken);
        if (channel is null)
        {
            return Outcome(DigestOutcome.NoChannel, null);
        }

        var digest = await reader.ReadAsync(payload.Community, period, cancellationToken);
        if (digest.IsQuiet)
        {
            return Outcome(DigestOutcome.Quiet, null);
        }

        var post = Activity.CreateAdaptiveCardMessage(CardJson.ToJsonElement(DigestCards.Build(digest, preview: false)), "Community digest");
        post.ChannelId = channel.ChannelId;
        post.From = new ChannelAccount { Id = channel.BotId, Name = channel.BotName };
        post.Conversation = new ConversationAccount { Id = channel.ConversationId, TenantId = channel.TenantId, IsGroup = true, ConversationType = ConversationTypes.Channel };
        var sent = await connector.SendToConversationAsync(channel.ServiceUrl, channel.ConversationId, post, cancellationToken);
        return Outcome(DigestOutcome.Posted, sent.Id);
    }

    /// <summary>Records the outcome in the digest log (the first one recorded stays: a repeat changes nothing).</summary>
    public async Task CompleteAsync(OutboxMessage message, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(outcome);
        var parts = outcome.Split('|', 2);
        if (!Enum.TryParse<DigestOutcome>(parts[0], out var result))
        {
            return;
        }

        var payload = message.PayloadAs<Payload>();
        var key = new DigestPeriod(payload.From, payload.To).Key;
        var activityId = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
        if (!await log.FinishAsync(payload.Community, key, result, activityId, clock.GetUtcNow(), cancellationToken))
        {
            return;
        }

        switch (result)
        {
            case DigestOutcome.Posted:
                DigestLog.Posted(logger, key, activityId ?? "");
                break;
            case DigestOutcome.Quiet:
                DigestLog.Quiet(logger, key);
                break;
            case DigestOutcome.NoChannel:
                DigestLog.NoChannel(logger, key);
                break;
            case DigestOutcome.Superseded:
                DigestLog.Superseded(logger, key);
                break;
        }
    }

    private static string Outcome(DigestOutcome outcome, string? activityId) => $"{outcome}|{activityId}";

    private sealed record Payload(string Community, DateTimeOffset From, DateTimeOffset To);
}

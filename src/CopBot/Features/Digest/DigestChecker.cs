using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using CopBot.Protocol;
using CopBot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Digest;

/// <summary>
/// Posts the digest of the latest period that has ended, once: the period is claimed in the digest log first (insert
/// if absent, so two instances or a restart never post it twice), then built, then posted as a new post in the
/// community channel, and the outcome recorded. A quiet period (nothing to say) is recorded and not posted.
/// Missed periods are not caught up: after downtime only the latest one is posted.
/// </summary>
public sealed class DigestChecker(
    DigestReader reader,
    IDigestLog log,
    ICommunityChannelStore channels,
    IConnectorClient connector,
    IOptions<DigestOptions> options,
    IOptions<QueryOptions> queryOptions,
    TimeProvider clock,
    ILogger<DigestChecker> logger) : IDeadlineChecker
{
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var community = queryOptions.Value.Community;
        var now = clock.GetUtcNow();
        if (!settings.Enabled || settings.Schedule.LatestEndedBy(now) is not { } period)
        {
            return;
        }

        try
        {
            // A finished period costs one point read per check; only an unfinished one goes on to claim.
            if (await log.GetAsync(community, period.Key, cancellationToken) is null or DigestOutcome.Claimed)
            {
                await SendAsync(community, period, now, settings.ClaimLease, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A storage or connector failure must not end the loop: an unfinished claim is taken over once its lease has run out.
            DigestLog.Failed(logger, ex, period.Key);
        }
    }

    private async Task SendAsync(string community, DigestPeriod period, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (await log.TryClaimAsync(community, period.Key, now, lease, cancellationToken) is not { } claim)
        {
            return;
        }

        var channel = await channels.GetAsync(community, cancellationToken);
        if (channel is null)
        {
            await log.FinishAsync(claim, DigestOutcome.NoChannel, null, cancellationToken);
            DigestLog.NoChannel(logger, period.Key);
            return;
        }

        var digest = await reader.ReadAsync(community, period, cancellationToken);
        if (digest.IsQuiet)
        {
            await log.FinishAsync(claim, DigestOutcome.Quiet, null, cancellationToken);
            DigestLog.Quiet(logger, period.Key);
            return;
        }

        var message = Activity.CreateAdaptiveCardMessage(CardJson.ToJsonElement(DigestCards.Build(digest, preview: false)), "Community digest");
        message.ChannelId = channel.ChannelId;
        message.From = new ChannelAccount { Id = channel.BotId, Name = channel.BotName };
        message.Conversation = new ConversationAccount { Id = channel.ConversationId, TenantId = channel.TenantId, IsGroup = true, ConversationType = ConversationTypes.Channel };
        var sent = await connector.SendToConversationAsync(channel.ServiceUrl, channel.ConversationId, message, cancellationToken);
        await log.FinishAsync(claim, DigestOutcome.Posted, sent.Id, cancellationToken);
        DigestLog.Posted(logger, period.Key, channel.ConversationId);
    }
}

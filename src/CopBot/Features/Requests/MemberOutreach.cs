using CopBot.Cards;
using CopBot.Community;
using CopBot.Protocol;
using CopBot.Protocol.Connector;

namespace CopBot.Features.Requests;

/// <summary>
/// Reaches one member for any modality: a proactive 1:1 card when the bot knows how to reach them (they installed
/// it or are in a team roster it read), otherwise an @mention in the request's thread. Nudges go the same way.
/// </summary>
public sealed class MemberOutreach(IConnectorClient connector, IContactStore contacts, ThreadPoster thread, ILogger<MemberOutreach> logger)
{
    /// <summary>Sends <paramref name="card"/> 1:1, or mentions the member in the thread with <paramref name="mentionText"/>.</summary>
    public async Task<OutreachResult> ReachAsync(
        QueryPlace place, OutreachTarget member, AdaptiveCard card, string summary, string mentionText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(member);
        var personal = await TrySendPersonalCardAsync(place, member, card, summary, cancellationToken);
        if (personal is not null)
        {
            return personal;
        }

        await thread.MentionAsync(place, new ChannelAccount { Id = member.Id, Name = member.Name }, mentionText, cancellationToken);
        return OutreachResult.Mentioned;
    }

    /// <summary>A text nudge where the member was reached: their 1:1 chat, or the thread for those reached by mention.</summary>
    public async Task NudgeAsync(QueryPlace place, OutreachTarget member, OutreachResult reachedBy, string personalText, string threadText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(reachedBy);
        if (reachedBy is { Channel: NotificationChannel.PersonalCard, PersonalConversationId: { } chat })
        {
            var message = Activity.CreateMessage(personalText);
            message.From = new ChannelAccount { Id = place.BotId, Name = place.BotName };
            message.Conversation = new ConversationAccount { Id = chat, TenantId = place.TenantId };
            await connector.SendToConversationAsync(place.ServiceUrl, chat, message, cancellationToken);
            return;
        }

        await thread.MentionAsync(place, new ChannelAccount { Id = member.Id, Name = member.Name }, threadText, cancellationToken);
    }

    /// <summary>Replaces a 1:1 card sent earlier (e.g. "thank you" after acting on it); nothing for members reached by mention.</summary>
    public async Task ReplacePersonalCardAsync(QueryPlace place, OutreachResult reachedBy, AdaptiveCard card, string summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(reachedBy);
        if (reachedBy is not { Channel: NotificationChannel.PersonalCard, PersonalConversationId: { } chat, CardActivityId: { Length: > 0 } cardId })
        {
            return;
        }

        var update = Activity.CreateAdaptiveCardMessage(CardJson.ToJsonElement(card), summary);
        update.Id = cardId;
        update.From = new ChannelAccount { Id = place.BotId, Name = place.BotName };
        update.Conversation = new ConversationAccount { Id = chat, TenantId = place.TenantId };
        await connector.UpdateActivityAsync(place.ServiceUrl, chat, cardId, update, cancellationToken);
    }

    private async Task<OutreachResult?> TrySendPersonalCardAsync(QueryPlace place, OutreachTarget member, AdaptiveCard card, string summary, CancellationToken cancellationToken)
    {
        if (place.TenantId is not { } tenantId)
        {
            return null;
        }

        var contact = await FindContactAsync(tenantId, member, cancellationToken);
        if (contact is null)
        {
            return null;
        }

        try
        {
            var bot = new ChannelAccount { Id = place.BotId, Name = place.BotName };
            var conversation = contact.PersonalConversationId
                ?? (await connector.CreateConversationAsync(contact.ServiceUrl,
                    ConversationParameters.ForPersonalChat(bot, new ChannelAccount { Id = contact.UserId }, tenantId), cancellationToken)).Id!;
            var message = Activity.CreateAdaptiveCardMessage(CardJson.ToJsonElement(card), summary);
            message.From = bot;
            message.Conversation = new ConversationAccount { Id = conversation, TenantId = tenantId };
            var sent = await connector.SendToConversationAsync(contact.ServiceUrl, conversation, message, cancellationToken);
            return new OutreachResult(NotificationChannel.PersonalCard, conversation, sent.Id);
        }
        catch (ConnectorException ex) when (!IsTransient(ex.StatusCode))
        {
            // Typically 403/404: the app is not installed for this user any more. The thread mention still reaches them.
            // A transient failure (429, 5xx) is thrown instead: the retry sends the card, not a second-best mention.
            Hosting.Log.PersonalCardFailed(logger, ex, member.Id, ex.StatusCode);
            return null;
        }
    }

    private static bool IsTransient(System.Net.HttpStatusCode status) =>
        (int)status is 408 or 429 or >= 500;

    private async Task<MemberContact?> FindContactAsync(string tenantId, OutreachTarget member, CancellationToken cancellationToken) =>
        await contacts.GetMemberAsync(tenantId, member.Id, cancellationToken)
        ?? (member.AadObjectId is { } aad ? await contacts.FindMemberByAadObjectIdAsync(tenantId, aad, cancellationToken) : null)
        ?? await contacts.FindMemberByAadObjectIdAsync(tenantId, member.Id, cancellationToken)
        ?? (member.Email is { Length: > 0 } email ? await contacts.FindMemberByEmailAsync(tenantId, email, cancellationToken) : null);
}

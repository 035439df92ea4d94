using CopBot.Cards;
using CopBot.Community;
using CopBot.Protocol;
using CopBot.Protocol.Connector;

namespace CopBot.Features.Synthesis;

/// <summary>
/// Sends a card 1:1: in the current conversation when it is already the person's chat with the bot, otherwise
/// proactively in their personal chat (found from the contacts the bot saved when they installed it).
/// </summary>
public sealed class FacilitatorChat(IConnectorClient connector, IContactStore contacts)
{
    /// <summary>The conversation and activity of the sent card, or null when the person cannot be reached 1:1.</summary>
    public async Task<(string ConversationId, string ActivityId)?> SendCardAsync(Activity turn, ChannelAccount person, AdaptiveCard card, string summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(person);
        var message = Activity.CreateAdaptiveCardMessage(CardJson.ToJsonElement(card), summary);
        message.From = turn.Recipient;
        var tenant = turn.GetConversationReference().TenantId;
        if (turn.Conversation?.ConversationType == ConversationTypes.Personal)
        {
            message.Conversation = turn.Conversation;
            var sent = await connector.SendToConversationAsync(turn.ServiceUrl!, turn.Conversation.Id!, message, cancellationToken);
            return (turn.Conversation.Id!, sent.Id ?? "");
        }

        return tenant is null ? null : await SendProactiveAsync(turn, tenant, person, message, cancellationToken);
    }

    /// <summary>A text message to a member's 1:1 chat; false when the bot has no way to reach them.</summary>
    public async Task<bool> SendTextAsync(QueryPlace place, string userId, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        if (place.TenantId is null)
        {
            return false;
        }

        var contact = await contacts.GetMemberAsync(place.TenantId, userId, cancellationToken)
            ?? await contacts.FindMemberByAadObjectIdAsync(place.TenantId, userId, cancellationToken);
        if (contact is null)
        {
            return false;
        }

        try
        {
            var bot = new ChannelAccount { Id = place.BotId, Name = place.BotName };
            var conversation = contact.PersonalConversationId
                ?? (await connector.CreateConversationAsync(contact.ServiceUrl, ConversationParameters.ForPersonalChat(bot, new ChannelAccount { Id = contact.UserId }, place.TenantId), cancellationToken)).Id!;
            var message = Activity.CreateMessage(text);
            message.From = bot;
            message.Conversation = new ConversationAccount { Id = conversation, TenantId = place.TenantId };
            await connector.SendToConversationAsync(contact.ServiceUrl, conversation, message, cancellationToken);
            return true;
        }
        catch (ConnectorException)
        {
            // Typically the app was uninstalled for this user: the caller mentions them in the thread instead.
            return false;
        }
    }

    private async Task<(string, string)?> SendProactiveAsync(Activity turn, string tenant, ChannelAccount person, Activity message, CancellationToken cancellationToken)
    {
        var contact = (person.Id is { } id ? await contacts.GetMemberAsync(tenant, id, cancellationToken) : null)
            ?? (person.AadObjectId is { } aad ? await contacts.FindMemberByAadObjectIdAsync(tenant, aad, cancellationToken) : null);
        if (contact is null)
        {
            return null;
        }

        var conversation = contact.PersonalConversationId
            ?? (await connector.CreateConversationAsync(contact.ServiceUrl, ConversationParameters.ForPersonalChat(turn.Recipient!, new ChannelAccount { Id = contact.UserId }, tenant), cancellationToken)).Id!;
        message.Conversation = new ConversationAccount { Id = conversation, TenantId = tenant };
        var sent = await connector.SendToConversationAsync(contact.ServiceUrl, conversation, message, cancellationToken);
        return (conversation, sent.Id ?? "");
    }
}

using CopBot.Cards;
using CopBot.Community;
using CopBot.Protocol;
using CopBot.Protocol.Connector;

namespace CopBot.Features.Requests;

/// <summary>
/// Writes into the thread where a request was made, from any turn (a reply to a 1:1 card arrives in another
/// conversation): every activity goes to the request's own serviceUrl and conversation, never the current turn's.
/// Shared by every modality.
/// </summary>
public sealed class ThreadPoster(IConnectorClient connector)
{
    /// <summary>Posts a card as a reply in the thread; returns its activity id so it can be updated in place.</summary>
    public async Task<string> PostCardAsync(QueryPlace place, AdaptiveCard card, string summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        var reply = Address(place, Activity.CreateAdaptiveCardMessage(CardJson.ToJsonElement(card), summary));
        var sent = await connector.ReplyToActivityAsync(place.ServiceUrl, place.ConversationId, place.QuestionActivityId, reply, cancellationToken);
        return sent.Id ?? string.Empty;
    }

    /// <summary>An @mention of one person in the thread, followed by the message.</summary>
    public Task MentionAsync(QueryPlace place, ChannelAccount person, string message, CancellationToken cancellationToken) =>
        MentionAllAsync(place, [person], message, cancellationToken);

    /// <summary>One message in the thread @mentioning several people (e.g. contributors the bot cannot reach 1:1).</summary>
    public async Task MentionAllAsync(QueryPlace place, IReadOnlyList<ChannelAccount> people, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(people);
        if (people.Count == 0)
        {
            return;
        }

        var mentions = people.Select(Entity.Mention).ToList();
        var reply = Address(place, Activity.CreateMessage($"{string.Join(", ", mentions.Select(m => m.Text))} {message}"));
        reply.Entities = mentions;
        await connector.ReplyToActivityAsync(place.ServiceUrl, place.ConversationId, place.QuestionActivityId, reply, cancellationToken);
    }

    /// <summary>Redraws one of the bot's cards in the thread (a status card updated in place). No id, nothing to update.</summary>
    public async Task UpdateCardAsync(QueryPlace place, string? activityId, AdaptiveCard card, string summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        if (activityId is not { Length: > 0 })
        {
            return;
        }

        var update = Address(place, Activity.CreateAdaptiveCardMessage(CardJson.ToJsonElement(card), summary));
        update.Id = activityId;
        await connector.UpdateActivityAsync(place.ServiceUrl, place.ConversationId, activityId, update, cancellationToken);
    }

    private static Activity Address(QueryPlace place, Activity activity)
    {
        activity.ChannelId = place.ChannelId;
        activity.ServiceUrl = place.ServiceUrl;
        activity.Conversation = new ConversationAccount { Id = place.ConversationId, TenantId = place.TenantId };
        activity.From = new ChannelAccount { Id = place.BotId, Name = place.BotName };
        activity.ReplyToId = place.QuestionActivityId;
        return activity;
    }
}

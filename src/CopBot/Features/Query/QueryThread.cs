using CopBot.Cards;
using CopBot.Community;
using CopBot.Protocol;
using CopBot.Protocol.Connector;

namespace CopBot.Features.Query;

/// <summary>
/// Writes into the thread where a query was asked, from any turn (an expert's answer arrives in their 1:1 chat,
/// not in the thread): replies go to the query's own serviceUrl and conversation, never to the current turn's.
/// </summary>
public sealed class QueryThread(IConnectorClient connector)
{
    public async Task<string> PostCardAsync(QueryPlace place, AdaptiveCard card, string summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        var reply = Address(place, Activity.CreateAdaptiveCardMessage(CardJson.ToJsonElement(card), summary));
        var sent = await connector.ReplyToActivityAsync(place.ServiceUrl, place.ConversationId, place.QuestionActivityId, reply, cancellationToken);
        return sent.Id ?? string.Empty;
    }

    public async Task MentionAsync(QueryPlace place, ChannelAccount person, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(person);
        var mention = Entity.Mention(person);
        var reply = Address(place, Activity.CreateMessage($"{mention.Text} {message}"));
        reply.Entities = [mention];
        await connector.ReplyToActivityAsync(place.ServiceUrl, place.ConversationId, place.QuestionActivityId, reply, cancellationToken);
    }

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

    /// <summary>Redraws the acknowledgement card in place (answers so far, who was asked, status).</summary>
    public async Task RefreshAckAsync(QueryRequest query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.AckActivityId is not { Length: > 0 } ackId)
        {
            return;
        }

        var update = Address(query.Place, Activity.CreateAdaptiveCardMessage(CardJson.ToJsonElement(QueryCards.Ack(query)), "Query status"));
        update.Id = ackId;
        await connector.UpdateActivityAsync(query.Place.ServiceUrl, query.Place.ConversationId, ackId, update, cancellationToken);
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

using CopBot.Cards;
using CopBot.Protocol;
using CopBot.Protocol.Connector;

namespace CopBot.Turns;

/// <summary>
/// One incoming activity and the means to answer it. Replies go back to the activity's own serviceUrl and
/// conversation (a channel reply lands in the same thread), so nothing here is process-wide state.
/// </summary>
public sealed class TurnContext
{
    private readonly IConnectorClient _connector;

    public TurnContext(Activity activity, IConnectorClient connector)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Activity = activity;
        _connector = connector;
        Text = activity.Type == ActivityTypes.Message ? activity.StripBotMention() : string.Empty;
        Command = CommandText.Parse(Text);
        CardActionRequest = CardActionRequest.From(activity);
    }

    public Activity Activity { get; }

    /// <summary>The message text without the bot's own @mention.</summary>
    public string Text { get; }

    public CommandText Command { get; }

    public CardActionRequest? CardActionRequest { get; }

    /// <summary>Set by the invoke handler; the endpoint writes it as the HTTP response.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    public string ConversationId => Activity.Conversation!.Id!;

    /// <summary>Answers in the conversation; for a message that is a reply in its thread.</summary>
    public Task<ResourceResponse> ReplyAsync(Activity reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        AddressFromBot(reply);
        return Activity.Type == ActivityTypes.Message && Activity.Id is { Length: > 0 } id
            ? _connector.ReplyToActivityAsync(Activity.ServiceUrl!, ConversationId, id, reply, cancellationToken)
            : _connector.SendToConversationAsync(Activity.ServiceUrl!, ConversationId, reply, cancellationToken);
    }

    public Task<ResourceResponse> ReplyAsync(string text, CancellationToken cancellationToken) =>
        ReplyAsync(Activity.CreateMessage(text), cancellationToken);

    /// <summary>Sends a card alone (a card plus text becomes two messages in some clients, and the card loses its id).</summary>
    public Task<ResourceResponse> ReplyAsync(AdaptiveCard card, string summary, CancellationToken cancellationToken) =>
        ReplyAsync(Activity.CreateAdaptiveCardMessage(CardJson.ToJsonElement(card), summary), cancellationToken);

    /// <summary>Replaces one of the bot's earlier activities in this conversation (a card updated in place).</summary>
    public Task<ResourceResponse> UpdateAsync(string activityId, AdaptiveCard card, string summary, CancellationToken cancellationToken)
    {
        var update = Activity.CreateAdaptiveCardMessage(CardJson.ToJsonElement(card), summary);
        update.Id = activityId;
        AddressFromBot(update);
        return _connector.UpdateActivityAsync(Activity.ServiceUrl!, ConversationId, activityId, update, cancellationToken);
    }

    private void AddressFromBot(Activity reply)
    {
        reply.From ??= Activity.Recipient;
        reply.Recipient ??= Activity.From;
        reply.Conversation ??= Activity.Conversation;
        reply.ChannelId ??= Activity.ChannelId;
        reply.ServiceUrl ??= Activity.ServiceUrl;
        if (Activity.Type == ActivityTypes.Message)
        {
            reply.ReplyToId ??= Activity.Id;
        }
    }
}

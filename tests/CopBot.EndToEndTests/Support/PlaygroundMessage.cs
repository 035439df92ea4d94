using System.Text.Json.Nodes;

namespace CopBot.EndToEndTests.Support;

/// <summary>
/// A bot message as the playground pushes it on its conversation WebSocket (createMessage / updateMessage).
/// <see cref="MessageId"/> is the playground's id of the message: the <c>replyToId</c> of card actions on it.
/// </summary>
public sealed record PlaygroundMessage(string Action, string ConversationId, string MessageId, string? PostConversationId, JsonObject Message)
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";

    public string? Text => (string?)Message["text"];

    public string? FromId => (string?)Message["from"]?["id"];

    /// <summary>The Adaptive Card contents of its attachments, in order.</summary>
    public IReadOnlyList<JsonObject> Cards =>
        [.. (Message["attachments"]?.AsArray() ?? [])
            .Where(a => (string?)a?["contentType"] == AdaptiveCardType && a?["content"] is JsonObject)
            .Select(a => a!["content"]!.AsObject())];

    /// <summary>Null for frames that are not a message (typing).</summary>
    public static PlaygroundMessage? FromFrame(JsonObject frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return (string?)frame["action"] is { } action && (string?)frame["actionConversationId"] is { } conversation
            && frame["message"] is JsonObject message && (string?)message["messageId"] is { } id
            ? new PlaygroundMessage(action, conversation, id, (string?)message["postConversationId"], message)
            : null;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace CopBot.Outbox;

/// <summary>
/// One unit of outgoing work as it travels through the queue: the idempotency key (one effect per key, ever), the
/// kind that picks its <see cref="IOutboxHandler"/>, and the handler's own payload (ids only: the handler reads the
/// current state when it runs, so a message never carries stale text).
/// </summary>
public sealed record OutboxMessage(string Key, string Kind, JsonElement Payload)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The idempotency key of one notification: the request, the recipient and the kind of attempt.</summary>
    public static string KeyOf(string requestId, string recipientId, string attempt) => $"{attempt}|{requestId}|{recipientId}";

    public static OutboxMessage Create<T>(string kind, string key, T payload) =>
        new(key, kind, JsonSerializer.SerializeToElement(payload, Json));

    public T PayloadAs<T>() => Payload.Deserialize<T>(Json) ?? throw new JsonException($"Outbox message {Key} has an empty payload.");

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a queue message body; false for anything that is not a complete envelope (it goes to the poison queue).</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out OutboxMessage? message)
    {
        try
        {
            message = JsonSerializer.Deserialize<OutboxMessage>(text, Json);
            return message is { Key.Length: > 0, Kind.Length: > 0 } && message.Payload.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            message = null;
            return false;
        }
    }
}

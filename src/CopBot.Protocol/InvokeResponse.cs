using System.Buffers;
using System.Net;
using System.Text.Json;

namespace CopBot.Protocol;

/// <summary>
/// The HTTP answer to an invoke: written as the response of <c>POST /api/messages</c>, not sent through the connector.
/// </summary>
/// <param name="Status">The HTTP status of the response.</param>
/// <param name="Body">The JSON body; the helpers build it as a <see cref="JsonElement"/> so no serializer setting can reshape it.</param>
public sealed record InvokeResponse(int Status, object? Body)
{
    /// <summary>Replace the card the user pressed with <paramref name="card"/>.</summary>
    public static InvokeResponse Card(JsonElement card) =>
        Ok(ContentTypes.AdaptiveCard, writer => card.WriteTo(writer));

    /// <summary>Show <paramref name="text"/> to the user in place of a new card.</summary>
    public static InvokeResponse Message(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Ok(ContentTypes.ActivityMessage, writer => writer.WriteStringValue(text));
    }

    /// <summary>
    /// Tell Teams the action failed with <paramref name="statusCode"/> (4xx/5xx) and a message. The HTTP status stays
    /// 200, as for every handled Universal Action: Teams reads the outcome from the body's <c>statusCode</c>.
    /// </summary>
    /// <param name="code">A short machine-readable code; defaults to the status name, e.g. <c>BadRequest</c>.</param>
    public static InvokeResponse Error(int statusCode, string message, string? code = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var errorCode = code ?? ((HttpStatusCode)statusCode).ToString();
        return new InvokeResponse((int)HttpStatusCode.OK, BuildBody(statusCode, ContentTypes.Error, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("code", errorCode);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }));
    }

    private static InvokeResponse Ok(string type, Action<Utf8JsonWriter> writeValue) =>
        new((int)HttpStatusCode.OK, BuildBody((int)HttpStatusCode.OK, type, writeValue));

    /// <summary>The Teams invoke body <c>{ statusCode, type, value }</c>.</summary>
    private static JsonElement BuildBody(int statusCode, string type, Action<Utf8JsonWriter> writeValue)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("statusCode", statusCode);
            writer.WriteString("type", type);
            writer.WritePropertyName("value");
            writeValue(writer);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}

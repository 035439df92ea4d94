using System.Text.Json;
using CopBot.Protocol;

namespace CopBot.Hosting;

/// <summary>Reads and checks an inbound activity before anything acts on it: bad input is refused with a reason, never half-processed.</summary>
public static class ActivityReader
{
    public sealed record Result(Activity? Activity, int StatusCode, string? Problem)
    {
        public bool Ok => Activity is not null;
    }

    public static async Task<Result> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType, "Activities must be sent as application/json.");
        }

        if (request.ContentLength > maxBytes)
        {
            return Fail(StatusCodes.Status413PayloadTooLarge, $"Activity larger than {maxBytes} bytes.");
        }

        var body = await ReadLimitedAsync(request.Body, maxBytes, cancellationToken);
        if (body is null)
        {
            return Fail(StatusCodes.Status413PayloadTooLarge, $"Activity larger than {maxBytes} bytes.");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options);
        }
        catch (JsonException ex)
        {
            return Fail(StatusCodes.Status400BadRequest, $"Body is not a valid activity: {ex.Message}");
        }

        var missing = MissingField(activity);
        return missing is null
            ? new Result(activity, StatusCodes.Status200OK, null)
            : Fail(StatusCodes.Status400BadRequest, $"Activity is missing '{missing}'.");
    }

    private static string? MissingField(Activity? activity) =>
        activity is null ? "body"
        : string.IsNullOrWhiteSpace(activity.Type) ? "type"
        : string.IsNullOrWhiteSpace(activity.ChannelId) ? "channelId"
        : !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp) ? "serviceUrl"
        : string.IsNullOrWhiteSpace(activity.Conversation?.Id) ? "conversation.id"
        : string.IsNullOrWhiteSpace(activity.From?.Id) ? "from.id"
        : null;

    /// <summary>Reads at most <paramref name="maxBytes"/>; null when the body is longer (chunked bodies have no Content-Length).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Result Fail(int status, string problem) => new(null, status, problem);
}

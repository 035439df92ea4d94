using System.Text.Json;
using CopBot.Protocol;

namespace CopBot.Hosting;

/// <summary>Reads and checks an inbound activity before anything acts on it: bad input is refused with a reason, never half-processed.</summary>
public static class ActivityReader
{
    /// <param name="Body">The body as received (UTF-8 JSON), kept verbatim when the activity is accepted for later handling.</param>
    public sealed record Result(Activity? Activity, int StatusCode, string? Problem, byte[]? Body = null)
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

        var body = await ReadLimitedAsync(request.Body, request.ContentLength, maxBytes, cancellationToken);
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
        if (missing is not null)
        {
            return Fail(StatusCodes.Status400BadRequest, $"Activity is missing '{missing}'.");
        }

        var nullEntry = NullEntry(activity!);
        if (nullEntry is not null)
        {
            return Fail(StatusCodes.Status400BadRequest, $"Activity field '{nullEntry}' holds a null entry.");
        }

        var tooLong = BadId(activity!);
        return tooLong is null
            ? new Result(activity, StatusCodes.Status200OK, null, body)
            : Fail(StatusCodes.Status400BadRequest, $"Activity field '{tooLong}' is longer than {MaxIdLength} characters or holds control characters.");
    }

    /// <summary>
    /// Longest id accepted. Teams ids are well under 200 characters; ids become Table Storage keys, which stop at
    /// 1 KiB once encoded, so a longer one is refused here rather than failing half-way through the turn.
    /// </summary>
    public const int MaxIdLength = 512;

    /// <summary>The first field that becomes (part of) a table key or connector route and is unfit for one, if any.</summary>
    private static string? BadId(Activity activity)
    {
        var channelData = activity.GetTeamsChannelData();
        var keyed = new (string Field, string? Value)[]
        {
            ("id", activity.Id),
            ("channelId", activity.ChannelId),
            ("from.id", activity.From!.Id),
            ("conversation.id", activity.Conversation!.Id),
            ("conversation.tenantId", activity.Conversation.TenantId),
            ("recipient.id", activity.Recipient?.Id),
            ("replyToId", activity.ReplyToId),
            ("channelData.tenant.id", channelData?.Tenant?.Id),
            ("channelData.team.id", channelData?.Team?.Id),
            ("channelData.channel.id", channelData?.Channel?.Id),
        };
        var members = (activity.MembersAdded ?? []).Concat(activity.MembersRemoved ?? []).Select(m => ("membersAdded/membersRemoved id", m?.Id));
        return keyed.Concat(members).FirstOrDefault(f => IsBadId(f.Item2)).Item1;
    }

    /// <summary>Too long for a table key, or with control characters no Teams id has (they break keys and connector routes).</summary>
    private static bool IsBadId(string? id) => id is not null && (id.Length > MaxIdLength || id.Any(char.IsControl));

    private static string? MissingField(Activity? activity) =>
        activity is null ? "body"
        : string.IsNullOrWhiteSpace(activity.Type) ? "type"
        : string.IsNullOrWhiteSpace(activity.ChannelId) ? "channelId"
        : !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp) ? "serviceUrl"
        : string.IsNullOrWhiteSpace(activity.Conversation?.Id) ? "conversation.id"
        : string.IsNullOrWhiteSpace(activity.From?.Id) ? "from.id"
        : activity.Type == ActivityTypes.Invoke && string.IsNullOrWhiteSpace(activity.Name) ? "name"
        : null;

    /// <summary>Reads at most <paramref name="maxBytes"/>; null when the body is longer (chunked bodies have no Content-Length).</summary>
    /// <summary>
    /// The body, or null past <paramref name="maxBytes"/>. With a Content-Length (what Teams sends) it reads straight
    /// into one array of that size; otherwise it collects pooled chunks. The length is never trusted beyond the limit.
    /// </summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long? contentLength, int maxBytes, CancellationToken cancellationToken)
    {
        if (contentLength is { } length and <= int.MaxValue)
        {
            var exact = new byte[length];
            await body.ReadExactlyAsync(exact, cancellationToken);
            // A body longer than it declared is not a well-formed request.
            return await body.ReadAsync(new byte[1], cancellationToken) == 0 ? exact : null;
        }

        using var buffer = new MemoryStream();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
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
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>The first list whose JSON held a <c>null</c> item: malformed, and every reader of it would trip on it.</summary>
    private static string? NullEntry(Activity activity) =>
        activity.Entities?.Contains(null) == true ? "entities"
        : activity.Attachments?.Contains(null) == true ? "attachments"
        : activity.MembersAdded?.Contains(null) == true ? "membersAdded"
        : activity.MembersRemoved?.Contains(null) == true ? "membersRemoved"
        : null;

    private static Result Fail(int status, string problem) => new(null, status, problem);
}

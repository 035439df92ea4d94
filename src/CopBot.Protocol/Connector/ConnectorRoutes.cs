using System.Globalization;

namespace CopBot.Protocol.Connector;

/// <summary>
/// The v3 REST routes, relative to a conversation's serviceUrl. Teams ids contain <c>: ; @ =</c>, so every id is
/// escaped as one path segment; the serviceUrl keeps its own path (e.g. <c>/amer/</c>) with or without a final slash.
/// </summary>
internal static class ConnectorRoutes
{
    public static Uri Conversations(string serviceUrl) => Build(serviceUrl, "v3/conversations");

    public static Uri Activities(string serviceUrl, string conversationId) =>
        Build(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities");

    public static Uri Activity(string serviceUrl, string conversationId, string activityId) =>
        Build(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}");

    public static Uri PagedMembers(string serviceUrl, string conversationId, int? pageSize, string? continuationToken)
    {
        var query = new List<string>();
        if (pageSize is { } size)
        {
            query.Add("pageSize=" + size.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add("continuationToken=" + Uri.EscapeDataString(continuationToken));
        }

        var route = $"v3/conversations/{Escape(conversationId)}/pagedmembers";
        return Build(serviceUrl, query.Count == 0 ? route : route + "?" + string.Join('&', query));
    }

    private static Uri Build(string serviceUrl, string relative)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var service)
            || (service.Scheme != Uri.UriSchemeHttps && service.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"'{serviceUrl}' is not an absolute http(s) serviceUrl.", nameof(serviceUrl));
        }

        var root = service.AbsoluteUri.EndsWith('/') ? service : new Uri(service.AbsoluteUri + "/");
        return new Uri(root, relative);
    }

    private static string Escape(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Uri.EscapeDataString(id);
    }
}

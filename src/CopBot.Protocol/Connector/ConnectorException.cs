using System.Net;

namespace CopBot.Protocol.Connector;

/// <summary>The Bot Connector refused a call (after retries, where the failure was worth retrying).</summary>
public sealed class ConnectorException : Exception
{
    private const int MaxBodyInMessage = 1000;

    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorException(HttpMethod method, Uri requestUri, HttpStatusCode statusCode, string? responseBody)
        : base(Describe(method, requestUri, statusCode, responseBody))
    {
        StatusCode = statusCode;
        ResponseBody = responseBody;
    }

    /// <summary>The connector's HTTP status; 0 when the exception was not built from a response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The connector's response body, usually <c>{"error":{"code","message"}}</c>.</summary>
    public string? ResponseBody { get; }

    private static string Describe(HttpMethod method, Uri requestUri, HttpStatusCode statusCode, string? responseBody)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        var body = string.IsNullOrWhiteSpace(responseBody) ? "(empty body)"
            : responseBody.Length > MaxBodyInMessage ? responseBody[..MaxBodyInMessage] + "…"
            : responseBody;
        return $"The Bot Connector answered {(int)statusCode} ({statusCode}) to {method} {requestUri.AbsolutePath}: {body}";
    }
}

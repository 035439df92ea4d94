using System.Net;

namespace CopBot.Protocol.Connector;

/// <summary>The token endpoint refused the bot's client credentials or answered something unusable.</summary>
public sealed class BotTokenException : Exception
{
    public BotTokenException()
    {
    }

    public BotTokenException(string message)
        : base(message)
    {
    }

    public BotTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BotTokenException(string message, HttpStatusCode statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>The token endpoint's HTTP status; 0 when it answered with success but an unusable body.</summary>
    public HttpStatusCode StatusCode { get; }
}

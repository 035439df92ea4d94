namespace CopBot.Protocol.Connector;

/// <summary>The bearer token for outbound Bot Connector calls.</summary>
public interface IBotTokenProvider
{
    /// <summary>A valid access token, or null in anonymous mode (no MicrosoftAppId), where calls go without one.</summary>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}

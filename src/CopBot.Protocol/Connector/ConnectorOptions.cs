namespace CopBot.Protocol.Connector;

/// <summary>
/// Retry settings for Bot Connector calls, bound from the <c>BotConnector</c> section. Defaults suit production;
/// the HttpClient's 100 s timeout bounds a whole call, retries included.
/// </summary>
public sealed class ConnectorOptions
{
    public const string SectionName = "BotConnector";

    /// <summary>Retries after the first attempt (0 turns retrying off). Default 4.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First backoff delay, doubled on each retry with jitter. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts, including a Retry-After the connector asks for. Default 20 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(20);

    internal bool IsValid() =>
        MaxRetryAttempts is >= 0 and <= 10 && RetryBaseDelay >= TimeSpan.Zero && MaxRetryDelay >= RetryBaseDelay;
}

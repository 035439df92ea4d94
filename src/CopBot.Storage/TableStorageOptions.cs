using System.Globalization;

namespace CopBot.Storage;

/// <summary>Where CopBot keeps its tables.</summary>
public sealed class TableStorageOptions
{
    public const string DefaultTablePrefix = "CopBot";

    // Table names are ^[A-Za-z][A-Za-z0-9]{2,62}$ and the longest suffix is "ProcessedActivities".
    public const int MaxTablePrefixLength = 63 - 19;

    /// <summary>A storage connection string, or <c>UseDevelopmentStorage=true</c> for a local Azurite.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Starts every table name, so several bots (or test classes) can share one account.</summary>
    public string TablePrefix { get; set; } = DefaultTablePrefix;

    /// <summary>How long the health check waits for Table Storage before calling it unhealthy.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("TableStorage: a connection string is required.", nameof(ConnectionString));
        }

        var prefixIsValid = TablePrefix is { Length: > 0 and <= MaxTablePrefixLength }
            && char.IsAsciiLetter(TablePrefix[0])
            && TablePrefix.All(char.IsAsciiLetterOrDigit);
        if (!prefixIsValid)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"TableStorage: TablePrefix '{TablePrefix}' must start with a letter and hold 1 to {MaxTablePrefixLength} letters or digits."),
                nameof(TablePrefix));
        }

        if (HealthCheckTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("TableStorage: HealthCheckTimeout must be positive.", nameof(HealthCheckTimeout));
        }
    }
}

using System.Globalization;

namespace CopBot.Storage;

/// <summary>
/// Where CopBot keeps its tables and how it signs in: either <see cref="ConnectionString"/>, or
/// <see cref="TableEndpoint"/> with an Entra token (managed identity), never both.
/// </summary>
public sealed class TableStorageOptions
{
    public const string DefaultTablePrefix = "CopBot";

    // Table names are ^[A-Za-z][A-Za-z0-9]{2,62}$ and the longest suffix is "ProcessedActivities".
    public const int MaxTablePrefixLength = 63 - 19;

    /// <summary>A storage connection string, or <c>UseDevelopmentStorage=true</c> for a local Azurite.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The table service endpoint, e.g. <c>https://&lt;account&gt;.table.core.windows.net/</c>, reached with an
    /// Entra token instead of a connection string (the identity needs the Storage Table Data Contributor role).
    /// </summary>
    public Uri? TableEndpoint { get; set; }

    /// <summary>
    /// Client id of the user-assigned managed identity to sign in with; empty = <c>DefaultAzureCredential</c>.
    /// Only with <see cref="TableEndpoint"/>.
    /// </summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>How these options authenticate (valid options assumed; see <see cref="Validate"/>).</summary>
    public TableStorageAccess Access => TableEndpoint is null
        ? TableStorageAccess.ConnectionString
        : string.IsNullOrWhiteSpace(ManagedIdentityClientId) ? TableStorageAccess.DefaultAzureCredential : TableStorageAccess.ManagedIdentity;

    /// <summary>Starts every table name, so several bots (or test classes) can share one account.</summary>
    public string TablePrefix { get; set; } = DefaultTablePrefix;

    /// <summary>How long the health check waits for Table Storage before calling it unhealthy.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ValidateAccess();

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

    private void ValidateAccess()
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        if (hasConnectionString == TableEndpoint is not null)
        {
            throw new ArgumentException(
                hasConnectionString
                    ? "TableStorage: set either a connection string or TableEndpoint (managed identity), not both."
                    : "TableStorage: a connection string or a TableEndpoint (managed identity) is required.",
                nameof(ConnectionString));
        }

        if (TableEndpoint is { } endpoint
            && (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps || endpoint.Query.Length > 0 || endpoint.UserInfo.Length > 0))
        {
            // Tokens are only sent over TLS; a SAS in the query belongs in a connection string.
            throw new ArgumentException(
                $"TableStorage: TableEndpoint '{endpoint}' must be an https address without a query, e.g. https://<account>.table.core.windows.net/.",
                nameof(TableEndpoint));
        }

        if (!string.IsNullOrWhiteSpace(ManagedIdentityClientId))
        {
            if (TableEndpoint is null)
            {
                throw new ArgumentException("TableStorage: ManagedIdentityClientId applies only with TableEndpoint.", nameof(ManagedIdentityClientId));
            }

            if (!Guid.TryParse(ManagedIdentityClientId, out _))
            {
                throw new ArgumentException(
                    $"TableStorage: ManagedIdentityClientId '{ManagedIdentityClientId}' must be the identity's client id (a GUID).",
                    nameof(ManagedIdentityClientId));
            }
        }
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CopBot.Protocol.Authentication;

/// <summary>
/// One issuer's OpenID metadata and signing keys. <see cref="ConfigurationManager{T}"/> caches them and refreshes
/// on its schedule; when a token names a key we do not have (the issuer rotated keys), <see cref="RefreshAsync"/>
/// fetches afresh at most once per interval.
/// </summary>
internal sealed class OpenIdMetadataSource
{
    private readonly IDocumentRetriever _documents;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _refreshInterval;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private Task<OpenIdConnectConfiguration?>? _refresh;
    private DateTimeOffset? _lastRefresh;

    public OpenIdMetadataSource(string metadataUrl, IDocumentRetriever documents, TimeProvider timeProvider, TimeSpan refreshInterval, ILogger logger)
    {
        MetadataUrl = metadataUrl;
        _documents = documents;
        _timeProvider = timeProvider;
        _refreshInterval = refreshInterval;
        _logger = logger;
        _manager = CreateManager();
    }

    public string MetadataUrl { get; }

    /// <summary>The cached configuration; throws <see cref="InvalidOperationException"/> when none could ever be fetched.</summary>
    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _manager).GetConfigurationAsync(cancellationToken);

    public static bool HasSigningKey(OpenIdConnectConfiguration configuration, string keyId) =>
        configuration.SigningKeys.Any(key => string.Equals(key.KeyId, keyId, StringComparison.Ordinal));

    /// <summary>
    /// Re-fetches the metadata because a token names <paramref name="keyId"/>, unless another request already
    /// did or the last forced refresh is too recent. Returns the newest configuration we have.
    /// </summary>
    public async Task<OpenIdConnectConfiguration> RefreshAsync(string keyId, CancellationToken cancellationToken)
    {
        var current = await GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        if (HasSigningKey(current, keyId))
        {
            return current;
        }

        Task<OpenIdConnectConfiguration?>? refresh;
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            if (_refresh is { IsCompleted: false })
            {
                refresh = _refresh; // join the fetch in flight instead of starting another
            }
            else if (_lastRefresh is null || now - _lastRefresh >= _refreshInterval)
            {
                _lastRefresh = now;
                refresh = _refresh = FetchFreshAsync();
            }
            else
            {
                refresh = null;
            }
        }

        var fresh = refresh is null ? null : await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        return fresh ?? current;
    }

    private async Task<OpenIdConnectConfiguration?> FetchFreshAsync()
    {
        // A new manager's first fetch blocks until done, unlike RequestRefresh on the current one, whose update
        // may land in the background after the waiting request has already been refused.
        var manager = CreateManager();
        try
        {
            // Shared by every waiting request: no single caller's cancellation may abort it.
            var configuration = await manager.GetConfigurationAsync(CancellationToken.None).ConfigureAwait(false);
            Volatile.Write(ref _manager, manager);
            AuthenticationLog.MetadataRefreshed(_logger, MetadataUrl);
            return configuration;
        }
        catch (InvalidOperationException exception)
        {
            AuthenticationLog.MetadataRefreshFailed(_logger, MetadataUrl, exception);
            return null;
        }
    }

    private ConfigurationManager<OpenIdConnectConfiguration> CreateManager() =>
        new(MetadataUrl, new OpenIdConnectConfigurationRetriever(), _documents);
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CopBot.Protocol.Connector;

/// <summary>
/// Client-credentials tokens for the Bot Connector, cached until five minutes before they expire. Concurrent
/// callers wait for one fetch instead of each asking Entra. A plain form POST rather than MSAL: MSAL refuses
/// plain-http authorities, and tests run a loopback token endpoint. Neither the secret nor the token is logged.
/// </summary>
public sealed class BotTokenProvider : IBotTokenProvider, IDisposable
{
    public const string HttpClientName = "CopBot.BotToken";

    private const int MaxErrorLength = 500;
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly BotCredentialsOptions _credentials;
    private readonly TimeProvider _clock;
    private readonly ILogger<BotTokenProvider> _logger;
    private readonly SemaphoreSlim _fetchGate = new(1, 1);
    private CachedToken? _cached;

    public BotTokenProvider(
        IHttpClientFactory httpClientFactory,
        IOptions<BotCredentialsOptions> credentials,
        TimeProvider clock,
        ILogger<BotTokenProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _httpClientFactory = httpClientFactory;
        _credentials = credentials.Value;
        _clock = clock;
        _logger = logger;
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_credentials.IsAnonymous)
        {
            return null;
        }

        if (CachedValue() is { } cached)
        {
            return cached;
        }

        await _fetchGate.WaitAsync(cancellationToken);
        try
        {
            // Whoever held the gate before us may have fetched a token already.
            if (CachedValue() is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            var fresh = await FetchAsync(cancellationToken);
            Volatile.Write(ref _cached, fresh);
            return fresh.AccessToken;
        }
        finally
        {
            _fetchGate.Release();
        }
    }

    public void Dispose() => _fetchGate.Dispose();

    private string? CachedValue() =>
        Volatile.Read(ref _cached) is { } cached && _clock.GetUtcNow() < cached.RefreshAt ? cached.AccessToken : null;

    private async Task<CachedToken> FetchAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_credentials.MicrosoftAppPassword))
        {
            throw new InvalidOperationException(
                "MicrosoftAppPassword is required for outbound calls when MicrosoftAppId is set (managed identities are not supported).");
        }

        var loginUrl = new Uri(_credentials.ResolveLoginUrl());
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _credentials.MicrosoftAppId!,
            ["client_secret"] = _credentials.MicrosoftAppPassword,
            ["scope"] = _credentials.ToChannelFromBotOAuthScope,
        });

        var requestedAt = _clock.GetUtcNow();
        var http = _httpClientFactory.CreateClient(HttpClientName);
        using var response = await http.PostAsync(loginUrl, form, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = body.Length > MaxErrorLength ? body[..MaxErrorLength] + "…" : body;
            Log.TokenRequestFailed(_logger, loginUrl, (int)response.StatusCode, error);
            throw new BotTokenException(
                $"The token endpoint {loginUrl} answered {(int)response.StatusCode} ({response.StatusCode}): {error}", response.StatusCode);
        }

        var token = Parse(body);
        var lifetime = TimeSpan.FromSeconds(token.ExpiresIn);

        // Refresh early so a token never expires mid-call; a very short-lived token is refreshed at half its life.
        var margin = lifetime > 2 * RefreshMargin ? RefreshMargin : lifetime / 2;
        var cached = new CachedToken(token.AccessToken!, requestedAt + lifetime - margin);
        Log.TokenAcquired(_logger, loginUrl, requestedAt + lifetime);
        return cached;
    }

    private static TokenResponse Parse(string body)
    {
        try
        {
            var token = JsonSerializer.Deserialize<TokenResponse>(body, ProtocolJson.Options);
            return token is { AccessToken.Length: > 0, ExpiresIn: > 0 }
                ? token
                : throw new BotTokenException("The token endpoint answered without access_token or expires_in.");
        }
        catch (JsonException ex)
        {
            throw new BotTokenException("The token endpoint answered with a body that is not a token response.", ex);
        }
    }

    private sealed record CachedToken(string AccessToken, DateTimeOffset RefreshAt);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] long ExpiresIn);
}

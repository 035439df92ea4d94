using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CopBot.Protocol.Authentication;

/// <summary>
/// Validates inbound channel tokens with the Bot Framework rules: trusted issuer, audience = our app id,
/// RS256/384/512 signature by a published key endorsed for the channel, lifetime within 5 minutes of skew,
/// and a <c>serviceurl</c> claim equal to the activity's.
/// </summary>
internal sealed class BotRequestAuthenticator : IBotRequestAuthenticator
{
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new();
    private readonly List<TrustedIssuer> _issuers;
    private readonly string _appId;
    private readonly LifetimeValidator _lifetimeValidator;
    private readonly ILogger _logger;

    public BotRequestAuthenticator(
        IOptions<BotCredentialsOptions> credentialsOptions,
        IOptions<BotAuthenticationOptions> authenticationOptions,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        ILogger<BotRequestAuthenticator> logger)
    {
        var credentials = credentialsOptions.Value;
        var options = authenticationOptions.Value;
        _lifetimeValidator = TokenLifetime.Validator(timeProvider, ClockSkew);
        _logger = logger;
        _appId = credentials.MicrosoftAppId?.Trim() ?? "";
        if (credentials.IsAnonymous)
        {
            AuthenticationLog.AnonymousMode(logger);
            _issuers = [];
            return;
        }

        var documents = new MetadataDocumentRetriever(httpClientFactory);
        OpenIdMetadataSource Source(string url) => new(url, documents, timeProvider, options.UnknownKeyRefreshInterval, logger);
        var issuers = new List<TrustedIssuer>
        {
            new([credentials.ToBotFromChannelTokenIssuer], Source(credentials.ToBotFromChannelOpenIdMetadataUrl), RequiresEndorsement: true),
        };
        if (!string.IsNullOrWhiteSpace(credentials.MicrosoftAppTenantId))
        {
            var tenant = credentials.MicrosoftAppTenantId.Trim();
            issuers.Add(new(TrustedIssuer.EntraTenantIssuers(tenant), Source(options.ResolveTenantMetadataUrl(tenant)), RequiresEndorsement: false));
        }

        _issuers = issuers;
    }

    public async Task<BotAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, string channelId, string serviceUrl, CancellationToken cancellationToken)
    {
        if (_issuers.Count == 0)
        {
            return BotAuthenticationResult.Anonymous();
        }

        var result = BearerToken.TryParse(authorizationHeader, out var token, out var headerFailure)
            ? await ValidateAsync(token, channelId ?? "", serviceUrl ?? "", cancellationToken).ConfigureAwait(false)
            : BotAuthenticationResult.Failure(headerFailure);
        if (!result.Succeeded)
        {
            AuthenticationLog.Rejected(_logger, channelId ?? "", result.FailureReason!);
        }

        return result;
    }

    private async Task<BotAuthenticationResult> ValidateAsync(string token, string channelId, string serviceUrl, CancellationToken cancellationToken)
    {
        if (Inspect(token) is { } malformed)
        {
            return BotAuthenticationResult.Failure(malformed);
        }

        var jwt = new JsonWebToken(token);
        var issuer = _issuers.FirstOrDefault(candidate => candidate.Issued(jwt.Issuer));
        if (issuer is null)
        {
            // Checked before any metadata fetch, so junk tokens cost us nothing.
            return BotAuthenticationResult.Failure("The token's issuer is not trusted.");
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await issuer.Metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
            if (!OpenIdMetadataSource.HasSigningKey(configuration, jwt.Kid))
            {
                configuration = await issuer.Metadata.RefreshAsync(jwt.Kid, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException exception)
        {
            AuthenticationLog.MetadataUnavailable(_logger, issuer.Metadata.MetadataUrl, exception);
            return BotAuthenticationResult.Failure("The issuer's signing keys could not be loaded.");
        }

        var validation = await _handler.ValidateTokenAsync(token, CreateParameters(issuer, configuration)).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return BotAuthenticationResult.Failure(TokenFailureReasons.Describe(validation.Exception));
        }

        var signingKeyId = validation.SecurityToken.SigningKey?.KeyId ?? jwt.Kid;
        if (issuer.RequiresEndorsement && !SigningKeyEndorsements.Contains(configuration, signingKeyId, channelId))
        {
            return BotAuthenticationResult.Failure("The token's signing key is not endorsed for the activity's channel.");
        }

        var identity = validation.ClaimsIdentity;
        return ServiceUrlClaim.Check(identity, serviceUrl) is { } mismatch
            ? BotAuthenticationResult.Failure(mismatch)
            : BotAuthenticationResult.Success(identity);
    }

    /// <summary>Cheap structural checks with clear reasons, before any key is looked at.</summary>
    private string? Inspect(string token)
    {
        if (!_handler.CanReadToken(token))
        {
            return "The token is not a well-formed JWT.";
        }

        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return "The token is not a well-formed JWT.";
        }

        if (jwt.IsEncrypted)
        {
            return "Encrypted tokens are not accepted.";
        }

        if (!AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return "The token's signing algorithm is not allowed (only RS256, RS384 and RS512 are).";
        }

        if (!jwt.IsSigned)
        {
            return "The token is not signed.";
        }

        return string.IsNullOrEmpty(jwt.Kid) ? "The token does not name its signing key (no kid header)." : null;
    }

    private TokenValidationParameters CreateParameters(TrustedIssuer issuer, OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuers = issuer.Issuers,
        ValidAudience = _appId,
        ValidAlgorithms = AllowedAlgorithms,
        IssuerSigningKeys = configuration.SigningKeys,
        // The kid must name a published key: no guessing with every key, which would also blur which key signed.
        TryAllIssuerSigningKeys = false,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        RequireAudience = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = _lifetimeValidator,
        AuthenticationType = "BotFramework",
        // Our own log says why a token was refused; IdentityModel's would repeat it in long form.
        LogValidationExceptions = false,
    };
}

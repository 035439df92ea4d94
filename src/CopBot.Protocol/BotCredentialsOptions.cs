namespace CopBot.Protocol;

/// <summary>
/// The bot's identity and the Bot Framework endpoints, bound from the configuration root with the key names
/// the Bot Framework SDK uses, so existing app settings and Azure Bot deployments work unchanged.
/// </summary>
public sealed class BotCredentialsOptions
{
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultChannelTokenIssuer = "https://api.botframework.com";
    public const string DefaultOAuthScope = "https://api.botframework.com/.default";
    public const string MultiTenantLoginUrl = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    /// <summary>The bot's Entra app id; empty means local anonymous mode (no inbound or outbound auth).</summary>
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary><c>SingleTenant</c> (default for new bots), <c>MultiTenant</c> or <c>UserAssignedMSI</c>.</summary>
    public string MicrosoftAppType { get; set; } = "SingleTenant";

    public string? MicrosoftAppTenantId { get; set; }

    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    public string ToBotFromChannelTokenIssuer { get; set; } = DefaultChannelTokenIssuer;

    /// <summary>Token endpoint for outbound calls; empty means derive it from the app type and tenant.</summary>
    public string? ToChannelFromBotLoginUrl { get; set; }

    public string ToChannelFromBotOAuthScope { get; set; } = DefaultOAuthScope;

    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The client-credentials token endpoint: explicit setting, else the tenant's, else botframework.com's.</summary>
    public string ResolveLoginUrl() =>
        !string.IsNullOrWhiteSpace(ToChannelFromBotLoginUrl) ? ToChannelFromBotLoginUrl
        : string.Equals(MicrosoftAppType, "SingleTenant", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(MicrosoftAppTenantId)
            ? $"https://login.microsoftonline.com/{MicrosoftAppTenantId}/oauth2/v2.0/token"
            : MultiTenantLoginUrl;
}

namespace CopBot.Protocol.Authentication;

/// <summary>
/// Inbound-authentication settings beyond the SDK's key names in <see cref="BotCredentialsOptions"/>. The defaults
/// are right for the public Azure cloud; change them in code for sovereign clouds or tests.
/// </summary>
public sealed class BotAuthenticationOptions
{
    public const string TenantPlaceholder = "{tenant}";

    public const string DefaultTenantOpenIdMetadataUrlTemplate =
        "https://login.microsoftonline.com/" + TenantPlaceholder + "/v2.0/.well-known/openid-configuration";

    /// <summary>
    /// Where single-tenant Entra signing keys are published; <c>{tenant}</c> becomes <c>MicrosoftAppTenantId</c>.
    /// Used only when a tenant is configured.
    /// </summary>
    public string TenantOpenIdMetadataUrlTemplate { get; set; } = DefaultTenantOpenIdMetadataUrlTemplate;

    /// <summary>
    /// Least time between two metadata re-fetches triggered by a token naming an unknown signing key, so made-up
    /// <c>kid</c>s cannot make us hammer the issuer. Scheduled refreshes (every 12 h) are not affected.
    /// </summary>
    public TimeSpan UnknownKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    public string ResolveTenantMetadataUrl(string tenantId) =>
        TenantOpenIdMetadataUrlTemplate.Replace(TenantPlaceholder, Uri.EscapeDataString(tenantId), StringComparison.Ordinal);
}

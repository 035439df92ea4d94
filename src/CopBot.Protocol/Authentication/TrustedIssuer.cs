namespace CopBot.Protocol.Authentication;

/// <summary>
/// Issuers whose tokens we accept, the metadata their keys come from, and whether those keys must be endorsed
/// for the channel (Bot Framework keys are; Entra tenant keys carry no endorsements).
/// </summary>
internal sealed record TrustedIssuer(IReadOnlyList<string> Issuers, OpenIdMetadataSource Metadata, bool RequiresEndorsement)
{
    public bool Issued(string issuer) => Issuers.Contains(issuer, StringComparer.Ordinal);

    public static IReadOnlyList<string> EntraTenantIssuers(string tenantId) =>
    [
        $"https://login.microsoftonline.com/{tenantId}/v2.0",
        $"https://sts.windows.net/{tenantId}/",
    ];
}

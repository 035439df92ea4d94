using System.Security.Claims;

namespace CopBot.Protocol.Authentication;

/// <summary>
/// Channel tokens carry the <c>serviceurl</c> the activity must come from; without this check a token captured
/// from one conversation could be replayed with an activity pointing our replies at another endpoint.
/// </summary>
internal static class ServiceUrlClaim
{
    public const string ClaimType = "serviceurl";

    public static string? Check(ClaimsIdentity identity, string serviceUrl)
    {
        var claim = identity.FindFirst(ClaimType)?.Value;
        if (string.IsNullOrEmpty(claim))
        {
            return "The token has no serviceurl claim.";
        }

        return string.Equals(TrimOneSlash(claim), TrimOneSlash(serviceUrl), StringComparison.Ordinal)
            ? null
            : "The token's serviceurl claim does not match the activity's serviceUrl.";
    }

    private static string TrimOneSlash(string url) => url.EndsWith('/') ? url[..^1] : url;
}

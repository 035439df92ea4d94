using System.Net;

namespace CopBot.Protocol.Authentication;

/// <summary>
/// Signing keys must come over https: plain http would let anyone on the path swap the keys. Loopback hosts
/// are the one exception, so tests can run a local issuer.
/// </summary>
internal static class MetadataAddressPolicy
{
    public static bool IsLoopback(Uri address) =>
        string.Equals(address.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(address.IdnHost, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Null when <paramref name="address"/> may be fetched; otherwise why not.</summary>
    public static string? Check(string? address, string settingName)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            return $"{settingName} must be an absolute URL.";
        }

        if (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)))
        {
            return null;
        }

        return $"{settingName} must use https (plain http is allowed only for loopback hosts such as 127.0.0.1 or localhost): {uri.GetLeftPart(UriPartial.Authority)}.";
    }
}

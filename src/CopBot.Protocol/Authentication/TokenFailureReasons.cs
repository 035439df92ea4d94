using Microsoft.IdentityModel.Tokens;

namespace CopBot.Protocol.Authentication;

/// <summary>
/// Turns IdentityModel's validation exceptions into short reasons for the log. Their own messages are not used:
/// they are long, and would be written with whatever PII settings IdentityModel has.
/// </summary>
internal static class TokenFailureReasons
{
    public static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenNoExpirationException => "The token has no expiry.",
        SecurityTokenInvalidLifetimeException => "The token's lifetime is invalid.",
        SecurityTokenInvalidAudienceException => "The token's audience is not this bot's app id.",
        SecurityTokenInvalidIssuerException => "The token's issuer is not trusted.",
        SecurityTokenInvalidAlgorithmException => "The token's signing algorithm is not allowed.",
        SecurityTokenSignatureKeyNotFoundException => "The token's signing key is unknown.",
        SecurityTokenInvalidSignatureException => "The token's signature is invalid.",
        SecurityTokenInvalidSigningKeyException => "The token's signing key is not valid.",
        SecurityTokenMalformedException => "The token is malformed.",
        _ => "The token failed validation.",
    };
}

using Microsoft.IdentityModel.Tokens;

namespace CopBot.Protocol.Authentication;

/// <summary>
/// Lifetime check on our <see cref="TimeProvider"/> rather than IdentityModel's own clock, so tests can move time.
/// Same rules as IdentityModel's: expiry required, not-before and expiry each with the allowed clock skew.
/// </summary>
internal static class TokenLifetime
{
    public static LifetimeValidator Validator(TimeProvider timeProvider, TimeSpan clockSkew) =>
        (notBefore, expires, _, _) =>
        {
            if (expires is null)
            {
                throw new SecurityTokenNoExpirationException("The token has no expiry.");
            }

            if (notBefore > expires)
            {
                throw new SecurityTokenInvalidLifetimeException("The token's not-before is after its expiry.");
            }

            var now = timeProvider.GetUtcNow().UtcDateTime;
            if (notBefore > now + clockSkew)
            {
                throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = notBefore.Value };
            }

            if (expires.Value < now - clockSkew)
            {
                throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
            }

            return true;
        };
}

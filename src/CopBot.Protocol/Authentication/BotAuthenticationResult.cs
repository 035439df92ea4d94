using System.Security.Claims;

namespace CopBot.Protocol.Authentication;

/// <summary>The outcome of <see cref="IBotRequestAuthenticator.AuthenticateAsync"/>.</summary>
/// <param name="Succeeded">True when the request may be processed.</param>
/// <param name="Identity">The validated token's claims (raw JWT claim names: <c>aud</c>, <c>appid</c>, <c>serviceurl</c>…).</param>
/// <param name="FailureReason">Why the request was refused; safe to log (never contains the token).</param>
/// <param name="IsAnonymous">True in local anonymous mode (no <c>MicrosoftAppId</c>): nothing was checked.</param>
public sealed record BotAuthenticationResult(bool Succeeded, ClaimsIdentity? Identity, string? FailureReason, bool IsAnonymous)
{
    public static BotAuthenticationResult Success(ClaimsIdentity identity) => new(true, identity, null, false);

    public static BotAuthenticationResult Anonymous() => new(true, new ClaimsIdentity(), null, true);

    public static BotAuthenticationResult Failure(string reason) => new(false, null, reason, false);
}

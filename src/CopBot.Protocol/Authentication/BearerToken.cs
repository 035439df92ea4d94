namespace CopBot.Protocol.Authentication;

/// <summary>Reads the token out of an <c>Authorization: Bearer &lt;token&gt;</c> header.</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer ";

    public static bool TryParse(string? authorizationHeader, out string token, out string failureReason)
    {
        token = "";
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            failureReason = "The Authorization header is missing.";
            return false;
        }

        // The scheme is case-insensitive (RFC 9110); the token itself is one space-free word.
        if (!authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            failureReason = "The Authorization header is not a Bearer token.";
            return false;
        }

        var candidate = authorizationHeader[Scheme.Length..].Trim();
        if (candidate.Length == 0 || candidate.Any(char.IsWhiteSpace))
        {
            failureReason = "The Authorization header must be 'Bearer <token>'.";
            return false;
        }

        token = candidate;
        failureReason = "";
        return true;
    }
}

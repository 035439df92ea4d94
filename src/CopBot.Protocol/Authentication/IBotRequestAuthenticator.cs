namespace CopBot.Protocol.Authentication;

/// <summary>Checks that an inbound <c>/api/messages</c> request really comes from a Bot Framework channel.</summary>
public interface IBotRequestAuthenticator
{
    /// <summary>
    /// Validates the request's <c>Authorization</c> header against the activity it carries. The host calls this
    /// after parsing the activity (the token is bound to its <c>channelId</c> and <c>serviceUrl</c>) and answers
    /// 401 when <see cref="BotAuthenticationResult.Succeeded"/> is false.
    /// </summary>
    Task<BotAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, string channelId, string serviceUrl, CancellationToken cancellationToken);
}

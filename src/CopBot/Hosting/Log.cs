namespace CopBot.Hosting;

/// <summary>The host's log events, as source-generated methods (no boxing, stable event ids).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "ANONYMOUS MODE: no MicrosoftAppId is configured, so CopBot accepts activities WITHOUT authentication and sends replies without a token. Use this only for local runs with the Agents Playground; set MicrosoftAppId/MicrosoftAppPassword/MicrosoftAppTenantId for Teams.")]
    public static partial void AnonymousMode(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "Bot authentication on: app id {AppId}, app type {AppType}.")]
    public static partial void AuthenticatedMode(ILogger logger, string appId, string appType);

    [LoggerMessage(3, LogLevel.Warning, "Rejected activity: {Status} {Problem}")]
    public static partial void ActivityRejected(ILogger logger, int status, string? problem);

    [LoggerMessage(4, LogLevel.Warning, "Unauthenticated activity refused from {ServiceUrl}: {Reason}")]
    public static partial void Unauthenticated(ILogger logger, string? serviceUrl, string? reason);

    [LoggerMessage(5, LogLevel.Information, "Duplicate delivery of activity {ActivityId} ({Type}) ignored.")]
    public static partial void DuplicateDelivery(ILogger logger, string activityId, string? type);

    [LoggerMessage(6, LogLevel.Debug, "Turn {Type} handled by {Route} (activity {ActivityId}).")]
    public static partial void TurnHandled(ILogger logger, string? type, string route, string? activityId);

    [LoggerMessage(7, LogLevel.Error, "Turn {Type} failed (activity {ActivityId}).")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string? type, string? activityId);

    [LoggerMessage(8, LogLevel.Error, "Could not even apologise for activity {ActivityId}; releasing it so the channel's retry is processed.")]
    public static partial void ApologyFailed(ILogger logger, Exception exception, string? activityId);

    [LoggerMessage(23, LogLevel.Error, "Acknowledged activity {ActivityId} could not be handled to the end (storage failed, or even the apology did); it stays unfinished and is taken over after its lease.")]
    public static partial void LeftUnfinished(ILogger logger, Exception exception, string? activityId);

    [LoggerMessage(9, LogLevel.Information, "Table Storage ready (tables prefixed {Prefix}).")]
    public static partial void StorageReady(ILogger logger, string prefix);

    [LoggerMessage(10, LogLevel.Error, "Table Storage is not reachable at start-up; /healthz will report 503 until it answers.")]
    public static partial void StorageUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(11, LogLevel.Warning, "Could not send a 1:1 card to expert {ExpertId} ({Status}); mentioning them in the thread instead.")]
    public static partial void PersonalCardFailed(ILogger logger, Exception exception, string expertId, System.Net.HttpStatusCode status);

    [LoggerMessage(12, LogLevel.Information, "Query {QueryId} routed to {Count} experts ({Candidates} candidates).")]
    public static partial void QueryRouted(ILogger logger, string queryId, int count, int candidates);

    [LoggerMessage(13, LogLevel.Information, "Roster of {ConversationId}: {Count} members saved.")]
    public static partial void RosterSaved(ILogger logger, string conversationId, int count);

    [LoggerMessage(14, LogLevel.Warning, "Could not read the roster of {ConversationId}.")]
    public static partial void RosterFailed(ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(15, LogLevel.Information, "Expert index of community {Community} rebuilt: {Count} experts.")]
    public static partial void ExpertIndexRefreshed(ILogger logger, string community, int count);

    [LoggerMessage(16, LogLevel.Warning, "Could not rebuild the expert index; routing keeps the previous one.")]
    public static partial void ExpertIndexRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(17, LogLevel.Warning, "Deadline check of query {QueryId} failed; it is retried at the next check.")]
    public static partial void DeadlineCheckFailed(ILogger logger, Exception exception, string queryId);

    [LoggerMessage(18, LogLevel.Information, "Query {QueryId}: expert {ExpertId} did not answer in time; asking the next.")]
    public static partial void ExpertTimedOut(ILogger logger, string queryId, string expertId);

    [LoggerMessage(19, LogLevel.Warning, "{MaxConcurrentTurns} turns in progress: refused new activities with 503 and Retry-After ({Refused} so far). Storage or the connector is slower than the arrival rate.")]
    public static partial void TurnsRefused(ILogger logger, int maxConcurrentTurns, long refused);

    [LoggerMessage(20, LogLevel.Warning, "Slow turn {ActivityType} ({Route}, activity {ActivityId}): {TotalMs:F0} ms = once-only claim {ClaimMs:F0} ms + contact record {ContactMs:F0} ms + handler {HandlerMs:F0} ms (of which connector calls {ConnectorMs:F0} ms).")]
    public static partial void SlowTurn(ILogger logger, string? activityType, string route, string? activityId, double totalMs, double claimMs, double contactMs, double handlerMs, double connectorMs);

    [LoggerMessage(90, LogLevel.Warning, "Refused a {ActivityType} activity from tenant {TenantId}: not in CopBot:AllowedTenants.")]
    public static partial void TenantRefused(ILogger logger, string tenantId, string? activityType);

    [LoggerMessage(91, LogLevel.Information, "Only tenants in CopBot:AllowedTenants are served ({Count} listed).")]
    public static partial void TenantsRestricted(ILogger logger, int count);
}

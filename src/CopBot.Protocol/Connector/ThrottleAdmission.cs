namespace CopBot.Protocol.Connector;

/// <summary>A throttled operation's go-ahead: when it was counted, and how long it was held before.</summary>
public sealed record ThrottleAdmission(DateTimeOffset At, TimeSpan Waited);

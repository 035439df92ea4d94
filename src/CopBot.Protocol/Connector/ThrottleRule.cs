namespace CopBot.Protocol.Connector;

/// <summary>At most <paramref name="MaxOperations"/> operations in any <paramref name="Window"/> of time.</summary>
public sealed record ThrottleRule(int MaxOperations, TimeSpan Window);

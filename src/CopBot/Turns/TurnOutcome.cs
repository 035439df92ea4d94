using CopBot.Protocol;

namespace CopBot.Turns;

/// <summary>How a turn ended: which route took it and, for an invoke, the response Teams is waiting for.</summary>
public sealed record TurnOutcome(string Route, InvokeResponse? InvokeResponse)
{
    public static TurnOutcome Duplicate { get; } = new("duplicate", null);

    /// <summary>Stored in the inbox and acknowledged; the turn runs after the acknowledgement.</summary>
    public static TurnOutcome Accepted { get; } = new("accepted", null);
}

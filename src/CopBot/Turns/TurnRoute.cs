namespace CopBot.Turns;

/// <summary>One feature's claim on incoming activities: the first route (by <see cref="Order"/>) whose selector matches handles the turn.</summary>
public sealed record TurnRoute(string Name, Func<TurnContext, bool> Selector, Func<TurnContext, CancellationToken, Task> Handler, int Order = 0)
{
    /// <summary>Order of the catch-all route that answers anything no feature claimed.</summary>
    public const int Fallback = int.MaxValue;

    /// <summary>
    /// A second, stored-state check after <see cref="Selector"/> matched (e.g. "is this thread an open discussion?");
    /// when it says no, the next route is tried.
    /// </summary>
    public Func<TurnContext, CancellationToken, Task<bool>>? Claims { get; init; }
}

/// <summary>A handler for one card action verb; a verb has exactly one handler.</summary>
public sealed record CardActionRoute(string Verb, Func<TurnContext, CardActionRequest, CancellationToken, Task<CardActionResult>> Handler);

/// <summary>A feature contributes its routes; the router collects every registered feature.</summary>
public interface IBotFeature
{
    IEnumerable<TurnRoute> Routes { get; }

    IEnumerable<CardActionRoute> CardActions { get; }
}

namespace CopBot.Cards;

/// <summary>
/// <c>ActionSet</c> (schema 1.2+): buttons inside the body, next to the content they act on, e.g. a rating under each
/// answer. The card's own actions stay at the bottom.
/// </summary>
public sealed record ActionSet : CardElement
{
    public ActionSet(IReadOnlyList<CardAction> actions)
        : base("ActionSet")
    {
        ArgumentNullException.ThrowIfNull(actions);
        Actions = actions;
    }

    public IReadOnlyList<CardAction> Actions { get; init; }
}

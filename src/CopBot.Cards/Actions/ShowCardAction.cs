namespace CopBot.Cards;

/// <summary>
/// <c>Action.ShowCard</c>: expands <see cref="Card"/> under the buttons. The nested card is written
/// without <c>$schema</c>/<c>version</c> (only the root card declares them) and without the root-only
/// <c>refresh</c> and <c>msteams</c>.
/// </summary>
public sealed record ShowCardAction : CardAction
{
    public ShowCardAction(string title, AdaptiveCard card)
        : base("Action.ShowCard", title)
    {
        ArgumentNullException.ThrowIfNull(card);
        Card = card with { IsInline = true, Refresh = null, MsTeams = null };
    }

    public AdaptiveCard Card { get; }
}

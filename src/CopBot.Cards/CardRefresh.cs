namespace CopBot.Cards;

/// <summary>
/// The card's <c>refresh</c>: Teams runs <see cref="Action"/> automatically when one of
/// <see cref="UserIds"/> views the card, so each of them can get an up-to-date, personal card.
/// </summary>
public sealed record CardRefresh
{
    /// <param name="action">The Execute action to run; written without its Submit fallback.</param>
    /// <param name="userIds">Teams user ids (<c>29:…</c>); at most <see cref="CardLimits.MaxRefreshUserIds"/>.</param>
    /// <exception cref="ArgumentException">More than <see cref="CardLimits.MaxRefreshUserIds"/> user ids.</exception>
    public CardRefresh(ExecuteAction action, IReadOnlyList<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(userIds);
        if (userIds.Count > CardLimits.MaxRefreshUserIds)
        {
            throw new ArgumentException(
                $"Teams refreshes a card automatically for at most {CardLimits.MaxRefreshUserIds} users; got {userIds.Count}.",
                nameof(userIds));
        }

        Action = action with { IncludeSubmitFallback = false };
        UserIds = [.. userIds];
    }

    public ExecuteAction Action { get; }

    public IReadOnlyList<string> UserIds { get; }
}

namespace CopBot.Cards;

/// <summary>Limits Teams puts on the cards a bot sends.</summary>
public static class CardLimits
{
    /// <summary>Teams rejects messages over about 28 KB; a card must fit with room for the activity.</summary>
    public const int MaxBytes = 28 * 1024;

    /// <summary>Teams runs <c>refresh</c> automatically for at most this many users.</summary>
    public const int MaxRefreshUserIds = 60;

    /// <summary>
    /// Buttons a card shows in its action bar (the renderers' default host config); builders keep to it.
    /// </summary>
    public const int MaxActions = 5;
}

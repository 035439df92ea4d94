namespace CopBot.Cards;

/// <summary>A short coloured notice: information, a warning, or a polite error.</summary>
public static class NoticeCard
{
    public const int MaxTitleLength = 150;

    public const int MaxMessageLength = 2000;

    /// <param name="title">Plain text; escaped, since errors often quote what the user typed.</param>
    /// <param name="message">Plain text; escaped likewise.</param>
    /// <param name="kind">Picks the colours.</param>
    public static AdaptiveCard Build(string title, string message, NoticeKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(message);

        var (style, color) = kind switch
        {
            NoticeKind.Warning => (ContainerStyle.Warning, TextColor.Warning),
            NoticeKind.Error => (ContainerStyle.Attention, TextColor.Attention),
            _ => (ContainerStyle.Emphasis, TextColor.Accent),
        };
        var safeTitle = CardText.Escape(title, MaxTitleLength);
        var safeMessage = CardText.Escape(message, MaxMessageLength);

        return new AdaptiveCard
        {
            Body =
            [
                new Container(
                [
                    new TextBlock(safeTitle) { Weight = FontWeight.Bolder, Color = color, Wrap = true },
                    new TextBlock(safeMessage) { Wrap = true, Spacing = Spacing.Small },
                ])
                {
                    Style = style,
                },
            ],
            FallbackText = $"{safeTitle}: {safeMessage}",
        };
    }
}

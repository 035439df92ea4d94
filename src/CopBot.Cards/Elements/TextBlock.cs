namespace CopBot.Cards;

/// <summary>
/// Text with the Adaptive Card markdown subset. <see cref="Text"/> is rendered as markdown: pass
/// user-provided text through <see cref="CardText.Escape(string, int)"/> first.
/// </summary>
public sealed record TextBlock(string Text) : CardElement("TextBlock")
{
    public TextSize? Size { get; init; }

    public FontWeight? Weight { get; init; }

    public TextColor? Color { get; init; }

    public bool? Wrap { get; init; }

    public bool? IsSubtle { get; init; }

    public int? MaxLines { get; init; }

    public HorizontalAlignment? HorizontalAlignment { get; init; }
}

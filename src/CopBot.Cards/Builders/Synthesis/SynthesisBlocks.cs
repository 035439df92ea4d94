namespace CopBot.Cards;

/// <summary>Sections of the synthesis cards, each a short list of elements; all user text is escaped here.</summary>
internal static class SynthesisBlocks
{
    public const int MaxPointLength = 600;

    public static TextBlock Heading(string text) => new(text) { Weight = FontWeight.Bolder, Spacing = Spacing.Medium, Wrap = true };

    public static IReadOnlyList<CardElement> Request(SynthesisCommonView view) =>
    [
        new TextBlock($"Request ({CardText.Escape(view.Modality, 30)})") { IsSubtle = true, Spacing = Spacing.Small },
        new TextBlock(CardText.Escape(view.RequestText, 500)) { Wrap = true, MaxLines = 4 },
    ];

    public static TextBlock Bullet(string text) => new("• " + CardText.Escape(text, MaxPointLength)) { Wrap = true, Spacing = Spacing.Small };

    public static TextBlock Credited(SynthesisPointView point) =>
        new("• " + CardText.Escape(point.Text, MaxPointLength) + (point.Credits.Length == 0 ? "" : " — " + CardText.Escape(point.Credits, 200)))
        {
            Wrap = true,
            Spacing = Spacing.Small,
        };

    /// <summary>A titled list; nothing when the list is empty.</summary>
    public static IReadOnlyList<CardElement> Section(string title, IReadOnlyList<SynthesisPointView> points) =>
        points.Count == 0 ? [] : [Heading(title), .. points.Select(Credited)];

    public static FactSet Statistics(SynthesisCommonView view) =>
        new([.. view.Statistics.Select(f => new Fact(CardText.Escape(f.Title, 60), CardText.Escape(f.Value, 100)))]);

    /// <summary>"Ana, Ben, … and 40 others" within a card-friendly length.</summary>
    public static string Names(IReadOnlyList<string> names, int shown)
    {
        var listed = string.Join(", ", names.Take(shown).Select(n => CardText.Escape(n, 80)));
        return names.Count > shown ? $"{listed} and {names.Count - shown} others" : listed;
    }
}

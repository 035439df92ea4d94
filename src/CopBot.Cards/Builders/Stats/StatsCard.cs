namespace CopBot.Cards;

/// <summary>The community's indicators for a period, formatted by the host (the card knows no domain).</summary>
/// <param name="Period">E.g. "1 Feb 2025 – 3 Mar 2025".</param>
/// <param name="Indicators">Label and formatted value, in display order.</param>
/// <param name="TopContributors">"Name: N answers", best first.</param>
/// <param name="Gaps">"#topic: N of M unanswered".</param>
public sealed record StatsView(string Community, string Period, IReadOnlyList<Fact> Indicators, IReadOnlyList<string> TopContributors, IReadOnlyList<string> Gaps);

/// <summary>The facilitators' <c>stats</c> card.</summary>
public static class StatsCard
{
    public static AdaptiveCard Build(StatsView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement>
        {
            new TextBlock($"Community indicators: {CardText.Escape(view.Community, 100)}") { Weight = FontWeight.Bolder, Size = TextSize.Medium, Wrap = true },
            new TextBlock(CardText.Escape(view.Period, 100)) { IsSubtle = true, Spacing = Spacing.None, Wrap = true },
            new FactSet([.. view.Indicators.Select(f => new Fact(CardText.Escape(f.Title, 80), CardText.Escape(f.Value, 200)))]),
        };
        AddList(body, "Top contributors", view.TopContributors);
        AddList(body, "Gaps: topics asked about without an answer", view.Gaps);
        return new AdaptiveCard { Body = body, FallbackText = $"Community indicators, {CardText.Escape(view.Period, 100)}" };
    }

    private static void AddList(List<CardElement> body, string title, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        body.Add(new TextBlock(title) { Weight = FontWeight.Bolder, Separator = true, Spacing = Spacing.Medium, Wrap = true });
        body.Add(new TextBlock(string.Join("\n", lines.Take(10).Select((l, i) => $"{i + 1}․ {CardText.Escape(l, 150)}"))) { Wrap = true, Spacing = Spacing.Small });
    }
}

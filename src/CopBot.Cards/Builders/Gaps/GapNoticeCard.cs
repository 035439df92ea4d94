namespace CopBot.Cards;

/// <summary>A request routing found nobody for, as told to a facilitator.</summary>
/// <param name="Hints">Per topic of the request, the members routing puts first for that topic alone (empty when nobody).</param>
public sealed record GapNoticeView(string Question, string AskerName, IReadOnlyList<string> Topics, Uri? ThreadLink, IReadOnlyList<KnowsLine> Hints);

/// <summary>The facilitators' 1:1 notice of a knowledge gap: the question, its topics, the thread, who knows something close.</summary>
public static class GapNoticeCard
{
    public const int MaxHints = 5;

    public static AdaptiveCard Build(GapNoticeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var topics = view.Topics.Count == 0 ? "no topic recognised" : string.Join(" ", view.Topics.Take(8).Select(t => "#" + CardText.Escape(t, 60)));
        var body = new List<CardElement>
        {
            new Container(
            [
                new TextBlock("Knowledge gap: nobody on record knows this") { Weight = FontWeight.Bolder, Color = TextColor.Warning, Wrap = true },
                new TextBlock("Routing found no member with answers or declared skills close to this request. Could you find someone, or invite people who know?")
                {
                    Wrap = true, Spacing = Spacing.Small,
                },
            ])
            {
                Style = ContainerStyle.Warning,
            },
            new TextBlock($"\"{CardText.Escape(view.Question, 500)}\"") { Wrap = true, Spacing = Spacing.Medium },
            new TextBlock($"Asked by {CardText.Escape(view.AskerName, 80)} · {topics}") { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
            new TextBlock("Who knows something close") { Weight = FontWeight.Bolder, Separator = true, Spacing = Spacing.Medium, Wrap = true },
        };
        body.Add(view.Hints.Count == 0
            ? new TextBlock("Nobody in the profile index has these topics yet. The gaps command lists every gap and the who-knows-what map.") { Wrap = true, Spacing = Spacing.Small }
            : new TextBlock(string.Join("\n", view.Hints.Take(MaxHints).Select(h =>
                $"**#{CardText.Escape(h.Topic, 60)}** ({h.ExpertCount}): {string.Join(", ", h.Experts.Take(5).Select(e => CardText.Escape(e, 60)))}")))
            {
                Wrap = true, Spacing = Spacing.Small,
            });
        return new AdaptiveCard
        {
            Body = body,
            Actions = view.ThreadLink is { } link ? [new OpenUrlAction("Open the thread", link)] : null,
            FallbackText = $"Knowledge gap: {CardText.Escape(view.Question, 200)}",
        };
    }
}

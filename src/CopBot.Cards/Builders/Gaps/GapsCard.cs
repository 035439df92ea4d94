namespace CopBot.Cards;

/// <summary>One topic nobody could answer: "#topic", how many requests, the latest question and when.</summary>
public sealed record GapLine(string Topic, int Requests, string LatestQuestion, string LatestAt);

/// <summary>One line of the "who knows what" map: a topic, how many hold it, who routing asks first.</summary>
public sealed record KnowsLine(string Topic, int ExpertCount, IReadOnlyList<string> Experts);

public sealed record GapsView(string Community, IReadOnlyList<GapLine> Gaps, IReadOnlyList<KnowsLine> WhoKnowsWhat);

/// <summary>The facilitators' <c>gaps</c> card: the community's knowledge gaps, then its who-knows-what map.</summary>
public static class GapsCard
{
    public const int MaxLines = 10;

    public static AdaptiveCard Build(GapsView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement>
        {
            new TextBlock($"Knowledge gaps: {CardText.Escape(view.Community, 100)}") { Weight = FontWeight.Bolder, Size = TextSize.Medium, Wrap = true },
            new TextBlock("Requests nobody in the profile index had answered or declared anything close to, per topic. Invite members who know these topics, or start a discussion.")
            {
                IsSubtle = true, Spacing = Spacing.None, Wrap = true,
            },
        };
        if (view.Gaps.Count == 0)
        {
            body.Add(new TextBlock("No gaps recorded: every request so far found someone with evidence.") { Wrap = true });
        }

        body.AddRange(view.Gaps.Take(MaxLines).Select(g => new TextBlock(
            $"**#{CardText.Escape(g.Topic, 60)}**: {g.Requests} {(g.Requests == 1 ? "request" : "requests")}, latest {CardText.Escape(g.LatestAt, 40)}: \"{CardText.Escape(g.LatestQuestion, 200)}\"")
        {
            Wrap = true, Spacing = Spacing.Small,
        }));

        body.Add(new TextBlock("Who knows what") { Weight = FontWeight.Bolder, Separator = true, Spacing = Spacing.Medium, Wrap = true });
        if (view.WhoKnowsWhat.Count == 0)
        {
            body.Add(new TextBlock("No profiles yet: import them with the admin CLI (profiles import).") { Wrap = true });
        }

        body.AddRange(view.WhoKnowsWhat.Take(MaxLines).Select(k => new TextBlock(
            $"**#{CardText.Escape(k.Topic, 60)}** ({k.ExpertCount}): {string.Join(", ", k.Experts.Take(5).Select(e => CardText.Escape(e, 60)))}")
        {
            Wrap = true, Spacing = Spacing.Small,
        }));
        return new AdaptiveCard { Body = body, FallbackText = $"Knowledge gaps of {CardText.Escape(view.Community, 100)}" };
    }
}

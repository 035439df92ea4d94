namespace CopBot.Cards;

/// <summary>At the closing date: the thread and its contributors, handed to the facilitators for a synthesis.</summary>
public static class ReadyForSynthesisCard
{
    public static AdaptiveCard Build(ReadyForSynthesisView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var contributors = view.Contributors.Count == 0 ? "nobody yet" : string.Join(", ", view.Contributors.Take(30).Select(c => CardText.Escape(c, 100)));
        var body = new List<CardElement>
        {
            new TextBlock("Ready for synthesis") { Weight = FontWeight.Bolder, Size = TextSize.Medium, Color = TextColor.Good },
            new TextBlock(CardText.Escape(view.Topic, 500)) { Wrap = true },
            new FactSet(
            [
                new Fact("Started by", CardText.Escape(view.RequesterName, 100)),
                new Fact("Contributions", view.ContributionCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Fact("Contributors", contributors),
            ]),
            new TextBlock("The discussion is closed. A facilitator can now consolidate the thread into one reply, crediting every contributor.") { Wrap = true, IsSubtle = true },
        };
        var actions = new List<CardAction>();
        if (view.ContributionCount > 0)
        {
            actions.Add(new ExecuteAction("Synthesize", SynthesisVerbs.Start) { Data = new Dictionary<string, string> { [SynthesisCardKeys.RequestId] = view.RequestId } });
        }

        if (view.ThreadLink is not null)
        {
            actions.Add(new OpenUrlAction("Open the thread", view.ThreadLink));
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = actions.Count == 0 ? null : actions,
            FallbackText = "Ready for synthesis: " + CardText.Escape(view.Topic, 200),
        };
    }
}

namespace CopBot.Cards;

/// <summary>Posted in the discussion's thread: the topic, the framing question, live contributor count; updated in place.</summary>
public static class DiscussionTopicCard
{
    public static AdaptiveCard Build(DiscussionTopicView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement>
        {
            new TextBlock("Discussion") { Weight = FontWeight.Bolder, Size = TextSize.Medium, Color = TextColor.Accent },
            new TextBlock(CardText.Escape(view.Topic, 500)) { Wrap = true, Weight = FontWeight.Bolder },
        };
        if (!string.IsNullOrWhiteSpace(view.FramingQuestion))
        {
            body.Add(new TextBlock(CardText.Escape(view.FramingQuestion, 1000)) { Wrap = true });
        }

        body.Add(new FactSet(
        [
            new Fact("Started by", CardText.Escape(view.RequesterName, 100)),
            new Fact("Closes", view.ClosesAt),
            new Fact("Contributors", $"{view.ContributorCount} ({view.ContributionCount} contribution{(view.ContributionCount == 1 ? "" : "s")})"),
            new Fact("Status", CardText.Escape(view.Status, 60)),
        ]));
        if (view.Invitees.Count > 0)
        {
            body.Add(new TextBlock("Invited") { Weight = FontWeight.Bolder, Spacing = Spacing.Medium });
            body.Add(new FactSet([.. view.Invitees.Select(i => new Fact(CardText.Escape(i.Name, 100), CardText.Escape(i.Status, 30)))]));
        }

        body.Add(new TextBlock(view.IsOpen ? "Reply in this thread to contribute: every reply counts." : "This discussion is closed.") { Wrap = true, IsSubtle = true });
        if (!string.IsNullOrWhiteSpace(view.Note))
        {
            body.Add(new TextBlock(CardText.Escape(view.Note, 500)) { Wrap = true, IsSubtle = true });
        }

        if (!string.IsNullOrWhiteSpace(view.ReplacementNote))
        {
            body.Add(new TextBlock(CardText.Escape(view.ReplacementNote, 500)) { Wrap = true, IsSubtle = true });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = view.IsOpen ? Actions(view) : null,
            FallbackText = "Discussion: " + CardText.Escape(view.Topic, 200),
        };
    }

    private static List<CardAction> Actions(DiscussionTopicView view)
    {
        var data = new Dictionary<string, string> { [DiscussCardKeys.RequestId] = view.RequestId };
        var extend = new AdaptiveCard
        {
            Body = [new DateInput(DiscussCardKeys.ClosesOn) { Label = "New closing date", Min = view.ExtendMin, Max = view.ExtendMax, Value = view.ExtendMin }],
            Actions = [new ExecuteAction("Extend", DiscussVerbs.Extend) { Data = data }],
        };
        return
        [
            new ExecuteAction("Close and hand over", DiscussVerbs.Close) { Data = data, AssociatedInputs = AssociatedInputs.None },
            new ShowCardAction("Extend", extend),
            new ExecuteAction("Cancel discussion", DiscussVerbs.Cancel) { Data = data, AssociatedInputs = AssociatedInputs.None, Style = ActionStyle.Destructive },
        ];
    }
}

namespace CopBot.Cards;

/// <summary>Posted in the asker's thread: the question, who it went to and why, and progress; updated in place.</summary>
public static class QueryAckCard
{
    public static AdaptiveCard Build(QueryAckView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var status = view.IsClosed ? "Closed: marked answered"
            : view.AnswerCount == 0 ? "Waiting for answers"
            : $"{view.AnswerCount} answer{(view.AnswerCount == 1 ? "" : "s")} so far";
        var body = new List<CardElement>
        {
            new TextBlock(view.IsUrgent ? "Query (urgent)" : "Query") { Weight = FontWeight.Bolder, Size = TextSize.Medium, Color = view.IsUrgent ? TextColor.Attention : TextColor.Accent },
            new TextBlock(CardText.Escape(view.Question, 1000)) { Wrap = true },
            new FactSet(
            [
                new Fact("Asked by", CardText.Escape(view.AskerName, 100)),
                new Fact("Topics", view.Tags.Count == 0 ? "none given" : string.Join(", ", view.Tags.Select(t => "#" + CardText.Escape(t, 64)))),
                new Fact("Status", status),
            ]),
        };

        if (view.Experts.Count == 0 && view.IsRouting)
        {
            body.Add(new TextBlock("Asking the members who know this best…") { Wrap = true, IsSubtle = true });
        }
        else if (view.Experts.Count == 0)
        {
            body.Add(new TextBlock("No member's profile matches this yet; the community's facilitators have been told.") { Wrap = true, IsSubtle = true });
        }
        else
        {
            body.Add(new TextBlock("Asked") { Weight = FontWeight.Bolder, Spacing = Spacing.Medium });
            body.Add(new FactSet([.. view.Experts.Select(e => new Fact(
                CardText.Escape(e.Name, 100),
                $"{CardText.Escape(e.Status, 30)} · {CardText.Escape(e.Why, 200)}"))]));
        }

        if (!string.IsNullOrWhiteSpace(view.Note))
        {
            body.Add(new TextBlock(CardText.Escape(view.Note, 500)) { Wrap = true, IsSubtle = true });
        }

        if (view.IsClosed && view.Ratings.Count > 0)
        {
            AddRatings(body, view);
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = Actions(view),
            FallbackText = "Query: " + CardText.Escape(view.Question, 200),
        };
    }

    /// <summary>Answers shown for rating; a question rarely has more, and the card must stay small.</summary>
    public const int MaxRatedAnswers = 8;

    // Thank-you and one Helpful / Not helpful pair per answer, the current choice marked: the asker can change it.
    private static void AddRatings(List<CardElement> body, QueryAckView view)
    {
        body.Add(new TextBlock("Thank you! Were the answers helpful?") { Weight = FontWeight.Bolder, Spacing = Spacing.Medium });
        body.Add(new TextBlock("Only the person who asked can rate. A helpful answer brings similar questions to that expert.") { Wrap = true, IsSubtle = true, Spacing = Spacing.None });
        foreach (var line in view.Ratings.Take(MaxRatedAnswers))
        {
            var verdict = line.Helpful switch { true => "rated helpful", false => "rated not helpful", null => "not rated yet" };
            body.Add(new TextBlock($"{CardText.Escape(line.Name, 100)}: {verdict}") { Wrap = true });
            body.Add(new ActionSet(
            [
                RateAction("Helpful", QueryCardKeys.Helpful, view.RequestId, line.ExpertId, line.Helpful == true),
                RateAction("Not helpful", QueryCardKeys.NotHelpful, view.RequestId, line.ExpertId, line.Helpful == false),
            ]) { Spacing = Spacing.None });
        }
    }

    private static ExecuteAction RateAction(string title, string rating, string requestId, string expertId, bool isCurrent) =>
        new(title, QueryVerbs.Rate)
        {
            Data = new Dictionary<string, string> { [QueryCardKeys.RequestId] = requestId, [QueryCardKeys.ExpertId] = expertId, [QueryCardKeys.Rating] = rating },
            Style = isCurrent ? ActionStyle.Positive : null,
        };

    // Facilitators synthesise once there is something to synthesise, also after the asker closed the question.
    private static List<CardAction>? Actions(QueryAckView view)
    {
        var data = new Dictionary<string, string> { [QueryCardKeys.RequestId] = view.RequestId };
        var actions = new List<CardAction>();
        if (!view.IsClosed)
        {
            actions.Add(new ExecuteAction("Mark answered", QueryVerbs.Close) { Data = data });
        }

        if (view.AnswerCount > 0)
        {
            actions.Add(new ExecuteAction("Synthesize", SynthesisVerbs.Start) { Data = data });
        }

        return actions.Count == 0 ? null : actions;
    }
}

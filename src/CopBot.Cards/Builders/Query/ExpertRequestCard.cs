namespace CopBot.Cards;

/// <summary>The 1:1 card an expert acts on: answer, or decline with an optional reason.</summary>
public static class ExpertRequestCard
{
    public static AdaptiveCard Build(ExpertRequestView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var data = new Dictionary<string, string> { [QueryCardKeys.RequestId] = view.RequestId };
        var body = new List<CardElement>
        {
            new TextBlock($"{CardText.Escape(view.AskerName, 100)} has a question for you") { Weight = FontWeight.Bolder, Wrap = true },
            new TextBlock(CardText.Escape(view.Question, 1000)) { Wrap = true },
        };
        if (view.Tags.Count > 0)
        {
            body.Add(new TextBlock("Topics: " + string.Join(", ", view.Tags.Select(t => "#" + CardText.Escape(t, 64)))) { IsSubtle = true, Wrap = true, Spacing = Spacing.Small });
        }

        if (view.Why.Count > 0)
        {
            body.Add(new TextBlock("Why you: " + string.Join("; ", view.Why.Select(w => CardText.Escape(w, 200)))) { IsSubtle = true, Wrap = true, Spacing = Spacing.Small });
        }

        body.Add(new TextInput(QueryCardKeys.Answer)
        {
            Label = "Your answer",
            IsMultiline = true,
            Placeholder = "Write your answer here, or decline below.",
            MaxLength = QueryCardKeys.MaxAnswerLength,
        });

        var decline = new AdaptiveCard
        {
            Body = [new TextInput(QueryCardKeys.DeclineReason) { Label = "Reason (optional)", MaxLength = 500 }],
            // Not marked required on the client: Decline sends the inputs too (the reason lives in this nested card), and an
            // empty answer is refused by the bot with a message instead.
            Actions = [new ExecuteAction("Decline", QueryVerbs.Decline) { Data = data }],
        };
        var refer = new AdaptiveCard
        {
            Body = [new TextInput(QueryCardKeys.Referral) { Label = "Who knows this? (name or e-mail)", MaxLength = 200 }],
            Actions = [new ExecuteAction("Ask them", QueryVerbs.Refer) { Data = data }],
        };
        var actions = new List<CardAction>
        {
            new ExecuteAction("Send answer", QueryVerbs.Answer) { Data = data, Style = ActionStyle.Positive },
            new ShowCardAction("Decline", decline),
            new ShowCardAction("Refer someone", refer),
            new ExecuteAction("Not my area", QueryVerbs.NotMyArea) { Data = data },
        };
        if (view.ThreadLink is not null)
        {
            actions.Add(new OpenUrlAction("Open the thread", view.ThreadLink));
        }

        return new AdaptiveCard { Body = body, Actions = actions, FallbackText = "Question for you: " + CardText.Escape(view.Question, 200) };
    }
}

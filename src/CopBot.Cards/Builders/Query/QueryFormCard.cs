namespace CopBot.Cards;

/// <summary>The form behind a bare <c>query</c>: the question, optional topics and urgency, Ask or Cancel.</summary>
public static class QueryFormCard
{
    public static AdaptiveCard Build(string? error = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock("Ask the community") { Weight = FontWeight.Bolder, Size = TextSize.Medium },
            new TextBlock("I will find the members who know and bring their answers back here.") { Wrap = true, IsSubtle = true, Spacing = Spacing.None },
        };
        if (!string.IsNullOrWhiteSpace(error))
        {
            body.Add(new TextBlock(CardText.Escape(error, 300)) { Wrap = true, Color = TextColor.Attention });
        }

        body.Add(new TextInput(QueryCardKeys.Question) { Label = "Your question", IsMultiline = true, MaxLength = 2000, Placeholder = "How have others targeted cash transfers to informal workers?" });
        body.Add(new TextInput(QueryCardKeys.Topics) { Label = "Topics (optional)", MaxLength = 300, Placeholder = "cash-transfers, targeting" });
        body.Add(new ChoiceSetInput(QueryCardKeys.Urgency, [new Choice("Normal", "normal"), new Choice("Urgent", "urgent")])
        {
            Label = "Urgency",
            Value = "normal",
            Style = ChoiceInputStyle.Compact,
        });

        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                new ExecuteAction("Ask", QueryVerbs.Ask) { Style = ActionStyle.Positive },
                new ExecuteAction("Cancel", QueryVerbs.Cancel) { AssociatedInputs = AssociatedInputs.None },
            ],
            FallbackText = "Ask the community: type query followed by your question.",
        };
    }
}

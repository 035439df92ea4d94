namespace CopBot.Cards;

/// <summary>The form behind a bare <c>discuss</c>: topic, framing question, optional closing date.</summary>
public static class DiscussionFormCard
{
    public static AdaptiveCard Build(DateOnly earliest, DateOnly latest, string? error = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock("Open a discussion") { Weight = FontWeight.Bolder, Size = TextSize.Medium },
            new TextBlock("I will invite the members who have dealt with it and hand the thread to a facilitator when it closes.") { Wrap = true, IsSubtle = true, Spacing = Spacing.None },
        };
        if (!string.IsNullOrWhiteSpace(error))
        {
            body.Add(new TextBlock(CardText.Escape(error, 300)) { Wrap = true, Color = TextColor.Attention });
        }

        body.Add(new TextInput(DiscussCardKeys.Topic) { Label = "Topic", MaxLength = 500, Placeholder = "Keeping community fire brigades engaged #fire-management" });
        body.Add(new TextInput(DiscussCardKeys.FramingQuestion) { Label = "Framing question (optional)", IsMultiline = true, MaxLength = 1000, Placeholder = "How have you dealt with a similar problem in your province?" });
        body.Add(new DateInput(DiscussCardKeys.ClosesOn) { Label = "Closing date (optional)", Min = earliest, Max = latest });
        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                new ExecuteAction("Open", DiscussVerbs.Open) { Style = ActionStyle.Positive },
                new ExecuteAction("Cancel", DiscussVerbs.CancelForm) { AssociatedInputs = AssociatedInputs.None },
            ],
            FallbackText = "Open a discussion: type discuss followed by the topic.",
        };
    }
}

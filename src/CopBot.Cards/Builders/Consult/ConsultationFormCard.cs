namespace CopBot.Cards;

/// <summary>The consultation form: title, document link, up to five questions, deadline, optional reviewers.</summary>
public static class ConsultationFormCard
{
    public const int QuestionSlots = 5;

    public static AdaptiveCard Build(ConsultationFormView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement>
        {
            new TextBlock("Ask for comments") { Weight = FontWeight.Bolder, Size = TextSize.Medium },
            new TextBlock("Reviewers get a 1:1 card with your questions; you get every answer, grouped by question, at the deadline.") { Wrap = true, IsSubtle = true, Spacing = Spacing.None },
        };
        if (!string.IsNullOrWhiteSpace(view.Error))
        {
            body.Add(new TextBlock(CardText.Escape(view.Error, 300)) { Wrap = true, Color = TextColor.Attention });
        }

        body.Add(new TextInput(ConsultCardKeys.Title) { Label = "Title", MaxLength = 300, Value = view.Title, Placeholder = "Grant application: livelihoods recovery" });
        body.Add(new TextInput(ConsultCardKeys.Document) { Label = "Link to the document or proposal", MaxLength = 1000, Value = view.Document, Placeholder = "https://…" });
        for (var i = 1; i <= QuestionSlots; i++)
        {
            body.Add(new TextInput(ConsultCardKeys.Question(i))
            {
                Label = i == 1 ? "What feedback do you want? (one question per box, up to five)" : null,
                MaxLength = 500,
                Value = view.Questions.Count >= i ? view.Questions[i - 1] : null,
                Placeholder = i == 1 ? "Is the theory of change convincing?" : "Another question (optional)",
            });
        }

        body.Add(new DateInput(ConsultCardKeys.Deadline) { Label = "Deadline", Min = view.Earliest, Max = view.Latest, Value = view.Deadline });
        body.Add(new TextInput(ConsultCardKeys.Reviewers) { Label = "Reviewers you want (optional: names or e-mails, comma-separated)", MaxLength = 500, Value = view.Reviewers });
        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                new ExecuteAction("Send for review", ConsultVerbs.Submit) { Style = ActionStyle.Positive },
                new ExecuteAction("Cancel", ConsultVerbs.CancelForm) { AssociatedInputs = AssociatedInputs.None },
            ],
            FallbackText = "Ask for comments: fill in the consultation form.",
        };
    }
}

using System.Globalization;

namespace CopBot.Cards;

/// <summary>The reviewer's 1:1 card: the document, one input per question, an overall rating, Send or Decline.</summary>
public static class ReviewRequestCard
{
    public static readonly IReadOnlyList<Choice> RatingChoices =
    [
        new("5 - excellent", "5"), new("4 - good", "4"), new("3 - fair", "3"), new("2 - weak", "2"), new("1 - poor", "1"),
    ];

    public static AdaptiveCard Build(ReviewRequestView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var data = new Dictionary<string, string> { [ConsultCardKeys.RequestId] = view.RequestId };
        var body = new List<CardElement>();
        if (!string.IsNullOrWhiteSpace(view.Banner))
        {
            body.Add(new TextBlock(CardText.Escape(view.Banner, 300)) { Wrap = true, Color = TextColor.Good, Weight = FontWeight.Bolder });
        }

        body.Add(new TextBlock($"{CardText.Escape(view.RequesterName, 100)} would like your comments") { Weight = FontWeight.Bolder, Wrap = true });
        body.Add(new TextBlock(CardText.Escape(view.Title, 300)) { Wrap = true });
        body.Add(new TextBlock($"Until {view.Deadline}. You can edit your review until then.") { Wrap = true, IsSubtle = true, Spacing = Spacing.Small });
        if (view.Why.Count > 0)
        {
            body.Add(new TextBlock("Why you: " + string.Join("; ", view.Why.Select(w => CardText.Escape(w, 200)))) { IsSubtle = true, Wrap = true, Spacing = Spacing.Small });
        }

        for (var i = 0; i < view.Questions.Count; i++)
        {
            body.Add(new TextInput(ConsultCardKeys.Answer(i + 1))
            {
                Label = $"{i + 1}. {CardText.Escape(view.Questions[i], 500)}",
                IsMultiline = true,
                MaxLength = 4000,
                Value = view.Answers.Count > i ? view.Answers[i] : null,
            });
        }

        body.Add(new ChoiceSetInput(ConsultCardKeys.Rating, RatingChoices)
        {
            Label = "Overall rating",
            Style = ChoiceInputStyle.Compact,
            Placeholder = "Choose a rating",
            Value = view.Rating?.ToString(CultureInfo.InvariantCulture),
        });
        var decline = new AdaptiveCard
        {
            Body = [new TextInput(ConsultCardKeys.DeclineReason) { Label = "Reason (optional)", MaxLength = 500 }],
            Actions = [new ExecuteAction("Decline", ConsultVerbs.Decline) { Data = data }],
        };
        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                new ExecuteAction("Send review", ConsultVerbs.Review) { Data = data, Style = ActionStyle.Positive },
                new OpenUrlAction("Open the document", view.Document),
                new ShowCardAction("Decline", decline),
            ],
            FallbackText = "Review requested: " + CardText.Escape(view.Title, 200),
        };
    }
}

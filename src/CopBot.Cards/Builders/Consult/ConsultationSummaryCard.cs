using System.Globalization;

namespace CopBot.Cards;

/// <summary>
/// At the deadline, to the requester and the facilitators: every answer grouped by question, the ratings, and the
/// reviewers credited. Answers are shortened to share the card's budget so it always stays under Teams' size limit.
/// </summary>
public static class ConsultationSummaryCard
{
    /// <summary>Characters of answer text the whole card may carry (the rest is structure, well under 28 KB).</summary>
    public const int AnswerBudget = 14_000;

    /// <summary>Room left for the activity around the card.</summary>
    private const int Headroom = 2048;

    public static AdaptiveCard Build(ConsultationSummaryView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var answerCount = Math.Max(1, view.Questions.Sum(q => q.Answers.Count) + view.Comments.Count);
        var perAnswer = Math.Clamp(AnswerBudget / answerCount, 80, 2000);
        var card = Build(view, perAnswer);

        // Escaping and names make the size hard to predict: measure, and shorten the answers until it fits.
        while (CardJson.SizeInBytes(card) > CardLimits.MaxBytes - Headroom && perAnswer > 40)
        {
            perAnswer /= 2;
            card = Build(view, perAnswer);
        }

        return card;
    }

    private static AdaptiveCard Build(ConsultationSummaryView view, int perAnswer)
    {
        var body = new List<CardElement>
        {
            new TextBlock("Consultation summary") { Weight = FontWeight.Bolder, Size = TextSize.Medium, Color = TextColor.Good },
            new TextBlock(CardText.Escape(view.Title, 300)) { Wrap = true, Weight = FontWeight.Bolder },
            new FactSet(
            [
                new Fact("Requested by", CardText.Escape(view.RequesterName, 100)),
                new Fact("Reviews", $"{view.Reviewers.Count.ToString(CultureInfo.InvariantCulture)} of {view.Invited.ToString(CultureInfo.InvariantCulture)} invited" + (view.Declined > 0 ? $", {view.Declined.ToString(CultureInfo.InvariantCulture)} declined" : "")),
                new Fact("Average rating", view.Ratings.Count == 0 ? "no ratings" : view.Ratings.Average(r => r.Rating).ToString("0.0", CultureInfo.InvariantCulture) + " / 5"),
            ]),
        };
        for (var i = 0; i < view.Questions.Count; i++)
        {
            var question = view.Questions[i];
            body.Add(new TextBlock($"{(i + 1).ToString(CultureInfo.InvariantCulture)}. {CardText.Escape(question.Question, 300)}") { Weight = FontWeight.Bolder, Wrap = true, Spacing = Spacing.Medium });
            if (question.Answers.Count == 0)
            {
                body.Add(new TextBlock("No answers.") { IsSubtle = true, Wrap = true });
            }

            foreach (var answer in question.Answers)
            {
                body.Add(new TextBlock($"{CardText.Escape(answer.ReviewerName, 60)}: {CardText.Escape(answer.Answer, perAnswer)}") { Wrap = true, Spacing = Spacing.Small });
            }
        }

        if (view.Comments.Count > 0)
        {
            body.Add(new TextBlock("Comments in the thread") { Weight = FontWeight.Bolder, Spacing = Spacing.Medium });
            foreach (var comment in view.Comments)
            {
                body.Add(new TextBlock($"{CardText.Escape(comment.ReviewerName, 60)}: {CardText.Escape(comment.Answer, perAnswer)}") { Wrap = true, Spacing = Spacing.Small });
            }
        }

        if (view.Ratings.Count > 0)
        {
            body.Add(new TextBlock("Ratings") { Weight = FontWeight.Bolder, Spacing = Spacing.Medium });
            body.Add(new FactSet([.. view.Ratings.Select(r => new Fact(CardText.Escape(r.Name, 100), r.Rating.ToString(CultureInfo.InvariantCulture) + " / 5"))]));
        }

        body.Add(new TextBlock("Thanks to " + (view.Reviewers.Count == 0 ? "everyone invited; nobody reviewed in time." : string.Join(", ", view.Reviewers.Select(r => CardText.Escape(r, 100))) + " for their reviews."))
        {
            Wrap = true,
            IsSubtle = true,
            Spacing = Spacing.Medium,
        });
        return new AdaptiveCard
        {
            Body = body,
            Actions = [new OpenUrlAction("Open the document", view.Document)],
            FallbackText = "Consultation summary: " + CardText.Escape(view.Title, 200),
        };
    }
}

using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Requests;

namespace CopBot.Features.Consult;

/// <summary>Maps a stored consultation to the cards' view records.</summary>
internal static class ConsultCards
{
    public static AdaptiveCard Status(Consultation c, DateTimeOffset now, TimeSpan maxDuration) =>
        ConsultationStatusCard.Build(new ConsultationStatusView(
            c.Id, c.Title, c.Document, c.RequesterName, ClosingDates.Format(c.Deadline),
            c.Status == ConsultationStatus.Open ? ClosingDates.TimeLeft(c.Deadline, now) : "closed",
            c.ReviewsReceived, c.Reviewers.Count)
        {
            Declined = c.Reviewers.Count(r => r.State == ReviewerState.Declined),
            Status = c.Status switch
            {
                ConsultationStatus.Closed => "Closed: summary sent to the requester and facilitators",
                ConsultationStatus.Cancelled => "Cancelled",
                _ => "Open",
            },
            IsOpen = c.Status == ConsultationStatus.Open,
            Note = MentionNote(c),
            ReplacementNote = DeclinerReplacement.Note(c.Reviewers),
            ExtendMin = DateOnly.FromDateTime(c.Deadline.UtcDateTime).AddDays(1),
            ExtendMax = DateOnly.FromDateTime((now + maxDuration).UtcDateTime),
        });

    public static AdaptiveCard Review(Consultation c, ReviewerAssignment reviewer, string? banner = null) =>
        ReviewRequestCard.Build(new ReviewRequestView(c.Id, c.Title, c.Document, c.RequesterName, c.Questions, ClosingDates.Format(c.Deadline), reviewer.Why)
        {
            Answers = reviewer.Answers,
            Rating = reviewer.Rating,
            Banner = banner,
        });

    public static AdaptiveCard Summary(Consultation c)
    {
        var reviewed = c.Reviewers.Where(r => r.State == ReviewerState.Reviewed).ToList();
        return ConsultationSummaryCard.Build(new ConsultationSummaryView(
            c.Title,
            c.Document,
            c.RequesterName,
            [.. c.Questions.Select((q, i) => new ConsultationQuestionSummary(q,
                [.. reviewed.Where(r => r.Answers.Count > i && !string.IsNullOrWhiteSpace(r.Answers[i])).Select(r => new ConsultationAnswerLine(r.Name, r.Answers[i]!))]))],
            [.. reviewed.Where(r => r.Rating is not null).Select(r => (r.Name, r.Rating!.Value))],
            [.. reviewed.Select(r => r.Name)])
        {
            Declined = c.Reviewers.Count(r => r.State == ReviewerState.Declined),
            Invited = c.Reviewers.Count,
            Comments = [.. reviewed.Where(r => !string.IsNullOrWhiteSpace(r.Comments)).Select(r => new ConsultationAnswerLine(r.Name, r.Comments!))],
        });
    }

    private static string? MentionNote(Consultation c)
    {
        var mentioned = c.Reviewers.Where(r => r.NotifiedBy == NotificationChannel.ThreadMention).Select(r => r.Name).ToList();
        return mentioned.Count == 0
            ? null
            : $"{string.Join(", ", mentioned)} {(mentioned.Count == 1 ? "has" : "have")} not installed CopBot, so I mentioned them here; they can install it to get the review card.";
    }
}

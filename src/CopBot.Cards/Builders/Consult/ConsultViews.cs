namespace CopBot.Cards;

/// <summary>What the form shows again after a refused submission (the inputs keep their values).</summary>
public sealed record ConsultationFormView(DateOnly Earliest, DateOnly Latest)
{
    public string? Title { get; init; }

    public string? Document { get; init; }

    public IReadOnlyList<string> Questions { get; init; } = [];

    public DateOnly? Deadline { get; init; }

    public string? Reviewers { get; init; }

    public string? Error { get; init; }
}

/// <summary>The 1:1 review card; the current answers and rating prefill it so a review can be edited.</summary>
public sealed record ReviewRequestView(
    string RequestId, string Title, Uri Document, string RequesterName, IReadOnlyList<string> Questions, string Deadline, IReadOnlyList<string> Why)
{
    public IReadOnlyList<string?> Answers { get; init; } = [];

    public int? Rating { get; init; }

    /// <summary>A line above the form, e.g. "Saved: you can edit until …".</summary>
    public string? Banner { get; init; }
}

/// <summary>The status card in the requester's thread.</summary>
public sealed record ConsultationStatusView(
    string RequestId, string Title, Uri Document, string RequesterName, string Deadline, string TimeLeft, int ReviewsReceived, int ReviewersInvited)
{
    public int Declined { get; init; }

    public string Status { get; init; } = "Open";

    public bool IsOpen { get; init; } = true;

    public string? Note { get; init; }

    /// <summary>Who was invited in place of a member who declined, e.g. "Grace was invited in place of Kalani."</summary>
    public string? ReplacementNote { get; init; }

    public DateOnly? ExtendMin { get; init; }

    public DateOnly? ExtendMax { get; init; }
}

/// <summary>One reviewer's answer to one question, for the summary.</summary>
public sealed record ConsultationAnswerLine(string ReviewerName, string Answer);

/// <summary>One question with every answer to it.</summary>
public sealed record ConsultationQuestionSummary(string Question, IReadOnlyList<ConsultationAnswerLine> Answers);

/// <summary>The summary at the deadline: answers grouped per question, ratings, reviewers credited.</summary>
public sealed record ConsultationSummaryView(
    string Title, Uri Document, string RequesterName, IReadOnlyList<ConsultationQuestionSummary> Questions, IReadOnlyList<(string Name, int Rating)> Ratings, IReadOnlyList<string> Reviewers)
{
    public int Declined { get; init; }

    public int Invited { get; init; }

    /// <summary>Reviews written as thread replies rather than on the card.</summary>
    public IReadOnlyList<ConsultationAnswerLine> Comments { get; init; } = [];
}

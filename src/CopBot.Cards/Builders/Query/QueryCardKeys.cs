namespace CopBot.Cards;

/// <summary>Data and input ids of the query cards; the host reads the same names back from card actions.</summary>
public static class QueryCardKeys
{
    public const string RequestId = "requestId";
    public const string Answer = "answer";
    public const string DeclineReason = "declineReason";
    public const string Referral = "referral";
    public const string Question = "question";
    public const string Topics = "topics";
    public const string Urgency = "urgency";
    public const string ExpertId = "expertId";
    public const string Rating = "rating";

    /// <summary>Values of <see cref="Rating"/>.</summary>
    public const string Helpful = "helpful";
    public const string NotHelpful = "notHelpful";

    public const int MaxAnswerLength = 4000;
}

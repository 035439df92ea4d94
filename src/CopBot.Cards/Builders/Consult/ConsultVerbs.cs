namespace CopBot.Cards;

/// <summary>Card action verbs of the consultation flow.</summary>
public static class ConsultVerbs
{
    public const string Submit = "consult.submit";
    public const string CancelForm = "consult.cancelform";
    public const string Review = "consult.review";
    public const string Decline = "consult.decline";
    public const string Close = "consult.close";
    public const string Extend = "consult.extend";
    public const string Cancel = "consult.cancel";
}

/// <summary>Data and input ids of the consultation cards.</summary>
public static class ConsultCardKeys
{
    public const string RequestId = "requestId";
    public const string Title = "title";
    public const string Document = "document";
    public const string Deadline = "deadline";
    public const string Reviewers = "reviewers";
    public const string Rating = "rating";
    public const string DeclineReason = "declineReason";

    /// <summary>The form's question inputs: question1 … question5.</summary>
    public static string Question(int number) => "question" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The review card's answer inputs: answer1 … answer5, one per question.</summary>
    public static string Answer(int number) => "answer" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

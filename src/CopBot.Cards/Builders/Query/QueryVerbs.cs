namespace CopBot.Cards;

/// <summary>Card action verbs of the query flow.</summary>
public static class QueryVerbs
{
    public const string Answer = "query.answer";
    public const string Decline = "query.decline";
    public const string Close = "query.close";
    public const string Refer = "query.refer";
    public const string NotMyArea = "query.notmyarea";
    public const string Ask = "query.ask";
    public const string Cancel = "query.cancel";
    public const string Rate = "query.rate";
}

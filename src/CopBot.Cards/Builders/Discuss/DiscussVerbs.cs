namespace CopBot.Cards;

/// <summary>Card action verbs of the discussion flow.</summary>
public static class DiscussVerbs
{
    public const string Open = "discuss.open";
    public const string CancelForm = "discuss.cancelform";
    public const string NotNow = "discuss.notnow";
    public const string Close = "discuss.close";
    public const string Extend = "discuss.extend";
    public const string Cancel = "discuss.cancel";
}

/// <summary>Data and input ids of the discussion cards.</summary>
public static class DiscussCardKeys
{
    public const string RequestId = "requestId";
    public const string Topic = "topic";
    public const string FramingQuestion = "framing";
    public const string ClosesOn = "closesOn";
}

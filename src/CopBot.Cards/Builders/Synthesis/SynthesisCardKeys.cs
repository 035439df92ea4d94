namespace CopBot.Cards;

/// <summary>Data and input ids of the synthesis cards; the host reads the same names back from card actions.</summary>
public static class SynthesisCardKeys
{
    public const string RequestId = "requestId";
    public const string Version = "version";
    public const string Page = "page";
    public const string Synopsis = "synopsis";
    public const string KeyPoints = "keyPoints";
    public const string NextSteps = "nextSteps";

    public const int MaxSynopsisLength = 2000;
    public const int MaxKeyPointsLength = 8000;
    public const int MaxNextStepsLength = 3000;
}

/// <summary>Card action verbs of synthesis.</summary>
public static class SynthesisVerbs
{
    /// <summary>The Synthesize button on a request's thread card.</summary>
    public const string Start = "synthesis.start";
    public const string Publish = "synthesis.publish";
    public const string Discard = "synthesis.discard";

    /// <summary>Show more / previous / summary on the published reply.</summary>
    public const string Page = "synthesis.page";
}

namespace CopBot.Cards;

/// <summary>Verbs and data keys of the knowledge-base cards; the host reads the same names back.</summary>
public static class KnowledgeCardKeys
{
    /// <summary>"Yes, thanks": one of the offered entries answers the question.</summary>
    public const string DuplicateAccept = "kb.duplicate.yes";

    /// <summary>"No, ask the experts": route the question as usual.</summary>
    public const string DuplicateReject = "kb.duplicate.no";

    public const string OfferId = "offerId";

    /// <summary>How many results a card shows at most.</summary>
    public const int MaxHits = 5;

    /// <summary>How many entries a duplicate offer shows at most: its two answers plus one open button each stay within 5 buttons.</summary>
    public const int MaxOffered = 3;
}

namespace CopBot.Community;

/// <summary>What a knowledge-base entry came from.</summary>
public enum KnowledgeKind
{
    /// <summary>A query closed as answered: the question, the answers and the experts who gave them.</summary>
    AnsweredQuery,

    /// <summary>A facilitator's published consolidated reply to a thread.</summary>
    Synthesis,

    /// <summary>Something a collaboration produced (a guidance note, a reviewed document).</summary>
    Deliverable,
}

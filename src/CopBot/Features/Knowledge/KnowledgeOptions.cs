using System.ComponentModel.DataAnnotations;

namespace CopBot.Features.Knowledge;

/// <summary>Knowledge-base settings under <c>CopBot:Knowledge</c>.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "CopBot:Knowledge";

    /// <summary>Check new queries against the knowledge base before routing them.</summary>
    public bool DuplicateCheck { get; set; } = true;

    /// <summary>
    /// Entries at or above this similarity (0..1) are offered. 0.65 gave precision 0.95–0.96 at recall 0.55–0.59 on
    /// Stack Exchange data (docs/knowledge-base.md); lower finds more duplicates and offers more wrong ones.
    /// </summary>
    [Range(0.05, 1.0)]
    public double DuplicateThreshold { get; set; } = 0.65;

    /// <summary>How many entries an offer shows at most (the card has room for 3).</summary>
    [Range(1, 3)]
    public int DuplicatesOffered { get; set; } = 3;
}

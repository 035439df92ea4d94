namespace CopBot.Community;

/// <summary>
/// A search hit. <paramref name="Score"/> is the BM25 score (orders the hits); <paramref name="Similarity"/> (0..1) is
/// the geometric mean of the query's idf weight the entry covers and the entry title's idf weight the query restates,
/// comparable across queries: the duplicate check thresholds it.
/// </summary>
public sealed record KnowledgeMatch(KnowledgeEntry Entry, double Score, double Similarity);

namespace CopBot.Community;

/// <summary>
/// A search hit. <paramref name="Score"/> is the BM25 score (orders the hits); <paramref name="Similarity"/> (0..1) is
/// the share of the query's weight the entry covers, comparable across queries: the duplicate check thresholds it.
/// </summary>
public sealed record KnowledgeMatch(KnowledgeEntry Entry, double Score, double Similarity);

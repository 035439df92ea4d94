namespace CopBot.Cards;

/// <summary>One knowledge-base hit as the search and duplicate cards show it.</summary>
/// <param name="Kind">Plain words: "Answered query", "Consolidated reply".</param>
/// <param name="Snippet">The passage of the entry that best matches the search.</param>
/// <param name="Link">The thread in Teams, when the entry came from a channel thread.</param>
public sealed record KnowledgeHitView(string Kind, string Title, string Snippet, IReadOnlyList<string> Contributors, DateTimeOffset PublishedAt, Uri? Link);

/// <summary>The card offering likely duplicates before a question is routed.</summary>
public sealed record DuplicateOfferView(string OfferId, string Question, IReadOnlyList<KnowledgeHitView> Hits);

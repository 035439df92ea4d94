namespace CopBot.Cards;

/// <summary>The answer to <c>search &lt;text&gt;</c>: the best knowledge-base entries, each with a link to its thread.</summary>
public static class SearchResultsCard
{
    public static AdaptiveCard Build(string searched, IReadOnlyList<KnowledgeHitView> hits)
    {
        ArgumentNullException.ThrowIfNull(searched);
        ArgumentNullException.ThrowIfNull(hits);
        var safe = CardText.Escape(searched, 200);
        if (hits.Count == 0)
        {
            return NoticeCard.Build("Nothing found", $"The knowledge base has nothing on \"{searched}\" yet. Ask the community with query.", NoticeKind.Info);
        }

        var shown = Math.Min(hits.Count, KnowledgeCardKeys.MaxHits);
        var actions = KnowledgeHitBlocks.OpenActions(hits, KnowledgeCardKeys.MaxHits).ToList();
        return new AdaptiveCard
        {
            Body =
            [
                new TextBlock($"Knowledge base: {shown} {(shown == 1 ? "match" : "matches")} for \"{safe}\"") { Weight = FontWeight.Bolder, Size = TextSize.Medium, Wrap = true },
                .. KnowledgeHitBlocks.Body(hits, KnowledgeCardKeys.MaxHits),
            ],
            Actions = actions.Count == 0 ? null : actions,
            FallbackText = $"{shown} knowledge-base matches for \"{safe}\"",
        };
    }
}

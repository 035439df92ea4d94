using CopBot.Cards;
using CopBot.Community;

namespace CopBot.Features.Knowledge;

/// <summary>Maps knowledge-base hits to the cards' view records.</summary>
internal static class KnowledgeCards
{
    public static IReadOnlyList<KnowledgeHitView> Hits(IEnumerable<KnowledgeMatch> matches, string searched) =>
        [.. matches.Select(m => new KnowledgeHitView(
            KindLabel(m.Entry.Kind),
            m.Entry.Title,
            KnowledgeSnippet.Best(m.Entry.Text, searched),
            [.. m.Entry.Contributors.Select(c => c.Name)],
            m.Entry.PublishedAt,
            m.Entry.Thread?.Link))];

    public static string KindLabel(KnowledgeKind kind) => kind switch
    {
        KnowledgeKind.AnsweredQuery => "Answered query",
        KnowledgeKind.Synthesis => "Consolidated reply",
        KnowledgeKind.Deliverable => "Deliverable",
        _ => kind.ToString(),
    };
}

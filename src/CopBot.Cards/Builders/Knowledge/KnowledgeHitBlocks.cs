using System.Globalization;

namespace CopBot.Cards;

/// <summary>The body and open-the-thread buttons of knowledge-base hits, shared by the search and duplicate cards.</summary>
internal static class KnowledgeHitBlocks
{
    public static IEnumerable<CardElement> Body(IReadOnlyList<KnowledgeHitView> hits, int max) =>
        hits.Take(max).Select((hit, i) => new Container(
        [
            new TextBlock($"{i + 1}. {CardText.Escape(hit.Title, 200)}") { Weight = FontWeight.Bolder, Wrap = true },
            new TextBlock(Byline(hit)) { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
            new TextBlock(CardText.Escape(hit.Snippet, 400)) { Wrap = true, Spacing = Spacing.Small },
        ])
        {
            Separator = true,
            Spacing = Spacing.Medium,
        });

    /// <summary>One Action.OpenUrl per hit that has a thread link (a card holds at most 5 buttons).</summary>
    public static IEnumerable<CardAction> OpenActions(IReadOnlyList<KnowledgeHitView> hits, int max) =>
        hits.Take(max)
            .Select((hit, i) => (hit, i))
            .Where(h => h.hit.Link is not null)
            .Select(h => (CardAction)new OpenUrlAction($"Open {h.i + 1}: {CardText.Escape(h.hit.Title, 30)}", h.hit.Link!));

    private static string Byline(KnowledgeHitView hit)
    {
        var date = hit.PublishedAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        var people = hit.Contributors.Count == 0 ? string.Empty
            : " · by " + string.Join(", ", hit.Contributors.Take(5).Select(c => CardText.Escape(c, 60)))
              + (hit.Contributors.Count > 5 ? $" and {hit.Contributors.Count - 5} more" : string.Empty);
        return $"{CardText.Escape(hit.Kind, 40)} · {date}{people}";
    }
}

using System.Globalization;

namespace CopBot.Cards;

/// <summary>
/// The published consolidated reply in the request's thread. Teams rejects cards over about 28 KB, so the thread gets
/// a summary card, and "Show more" pages through the full reply (each page packed to stay under
/// <see cref="PageBudgetBytes"/>) in the same message, with Previous / Next / Summary.
/// </summary>
public static class ConsolidatedReplyCard
{
    public const int PageBudgetBytes = 24 * 1024;
    public const int ContributorsInSummary = 15;
    private const int PointsPerBlock = 6;
    private const int NamesPerBlock = 60;

    public static AdaptiveCard Summary(ConsolidatedReplyView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var common = view.Common;
        var body = new List<CardElement>
        {
            new TextBlock("Consolidated reply") { Weight = FontWeight.Bolder, Size = TextSize.Medium, Color = TextColor.Good },
        };
        body.AddRange(SynthesisBlocks.Request(common));
        body.Add(SynthesisBlocks.Heading("Synopsis"));
        body.Add(new TextBlock(CardText.Escape(view.Synopsis, SynthesisCardKeys.MaxSynopsisLength)) { Wrap = true, Spacing = Spacing.Small });
        if (view.Themes.Count > 0)
        {
            body.Add(SynthesisBlocks.Heading("Themes"));
            body.AddRange(view.Themes.Select(t => SynthesisBlocks.Bullet($"{t.Label} ({t.Points.Count} point{(t.Points.Count == 1 ? "" : "s")})")));
        }

        body.AddRange(view.NextSteps.Count == 0 ? [] : [SynthesisBlocks.Heading("Next steps"), .. view.NextSteps.Take(3).Select(SynthesisBlocks.Bullet)]);
        body.Add(SynthesisBlocks.Heading("Contributors"));
        body.Add(new TextBlock(SynthesisBlocks.Names(common.Contributors, ContributorsInSummary)) { Wrap = true, Spacing = Spacing.Small });
        body.Add(SynthesisBlocks.Statistics(common));
        body.Add(new TextBlock($"Published by {CardText.Escape(view.FacilitatorName, 100)}") { IsSubtle = true, Wrap = true });

        return new AdaptiveCard
        {
            Body = body,
            Actions = PageCount(view) == 0 ? null : [PageAction("Show more", common.RequestId, 1)],
            FallbackText = "Consolidated reply: " + CardText.Escape(view.Synopsis, 200),
        };
    }

    /// <summary>How many detail pages "Show more" leads through.</summary>
    public static int PageCount(ConsolidatedReplyView view) => Pages(view).Count;

    /// <summary>Detail page <paramref name="page"/> (1-based); out of range gives the summary.</summary>
    public static AdaptiveCard Page(ConsolidatedReplyView view, int page)
    {
        ArgumentNullException.ThrowIfNull(view);
        var pages = Pages(view);
        return page < 1 || page > pages.Count ? Summary(view) : PageCard(view, pages[page - 1], page, pages.Count);
    }

    private static AdaptiveCard PageCard(ConsolidatedReplyView view, IReadOnlyList<IReadOnlyList<CardElement>> blocks, int page, int count)
    {
        var id = view.Common.RequestId;
        var actions = new List<CardAction>();
        if (page > 1)
        {
            actions.Add(PageAction("Previous", id, page - 1));
        }

        if (page < count)
        {
            actions.Add(PageAction("Next", id, page + 1));
        }

        actions.Add(PageAction("Summary", id, 0));
        return new AdaptiveCard
        {
            Body =
            [
                new TextBlock(string.Create(CultureInfo.InvariantCulture, $"Consolidated reply, details {page} of {count}")) { Weight = FontWeight.Bolder, Color = TextColor.Good },
                new TextBlock(CardText.Escape(view.Common.RequestText, 200)) { IsSubtle = true, Wrap = true, MaxLines = 2, Spacing = Spacing.Small },
                .. blocks.SelectMany(b => b),
            ],
            Actions = actions,
            FallbackText = "Consolidated reply (details): " + CardText.Escape(view.Synopsis, 200),
        };
    }

    private static ExecuteAction PageAction(string title, string requestId, int page) => new(title, SynthesisVerbs.Page)
    {
        Data = new Dictionary<string, string>
        {
            [SynthesisCardKeys.RequestId] = requestId,
            [SynthesisCardKeys.Page] = page.ToString(CultureInfo.InvariantCulture),
        },
    };

    /// <summary>Blocks packed greedily into pages, each page card measured, so none exceeds the budget.</summary>
    private static List<IReadOnlyList<IReadOnlyList<CardElement>>> Pages(ConsolidatedReplyView view)
    {
        var pages = new List<IReadOnlyList<IReadOnlyList<CardElement>>>();
        var current = new List<IReadOnlyList<CardElement>>();
        foreach (var block in Blocks(view))
        {
            current.Add(block);
            if (current.Count > 1 && CardJson.SizeInBytes(PageCard(view, current, 99, 99)) > PageBudgetBytes)
            {
                current.RemoveAt(current.Count - 1);
                pages.Add(current);
                current = [block];
            }
        }

        if (current.Count > 0)
        {
            pages.Add(current);
        }

        return pages;
    }

    private static IEnumerable<IReadOnlyList<CardElement>> Blocks(ConsolidatedReplyView view)
    {
        foreach (var theme in view.Themes)
        {
            foreach (var (chunk, i) in theme.Points.Chunk(PointsPerBlock).Select((c, i) => (c, i)))
            {
                yield return [SynthesisBlocks.Heading(CardText.Escape(theme.Label, 80) + (i == 0 ? "" : " (continued)")), .. chunk.Select(SynthesisBlocks.Bullet)];
            }
        }

        if (view.NextSteps.Count > 0)
        {
            yield return [SynthesisBlocks.Heading("Next steps"), .. view.NextSteps.Select(SynthesisBlocks.Bullet)];
        }

        foreach (var (title, points) in new[] { ("Resources and links", view.Common.Resources), ("Disagreements", view.Common.Disagreements), ("Open questions", view.Common.OpenQuestions) })
        {
            foreach (var chunk in points.Chunk(PointsPerBlock))
            {
                yield return SynthesisBlocks.Section(title, chunk);
            }
        }

        foreach (var chunk in view.Common.Contributors.Chunk(NamesPerBlock))
        {
            yield return [SynthesisBlocks.Heading("Contributors"), new TextBlock(SynthesisBlocks.Names(chunk, NamesPerBlock)) { Wrap = true, Spacing = Spacing.Small }];
        }
    }
}

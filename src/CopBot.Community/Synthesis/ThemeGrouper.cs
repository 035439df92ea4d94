using System.Globalization;

namespace CopBot.Community;

/// <summary>
/// Groups key points by the key terms they share: repeatedly the term shared by the most points (weighted by idf, and
/// not a term of the request itself, which every point is about) opens a theme named after it. Points that share
/// nothing go under "Other points".
/// </summary>
public static class ThemeGrouper
{
    public const string OtherLabel = "Other points";
    public const string SingleLabel = "Key points";

    public static IReadOnlyList<(string Label, IReadOnlyList<SelectedPoint> Points)> Group(
        IReadOnlyList<SelectedPoint> points, ThreadSentences thread, int maxThemes)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(thread);
        var requestTerms = thread.Request.Terms.ToHashSet();
        var unassigned = points.ToList();
        var themes = new List<(string, IReadOnlyList<SelectedPoint>)>();
        // A term in (nearly) every point says what the thread is about, not how its points differ.
        var ceiling = Math.Max(2, (int)Math.Ceiling(points.Count * 0.8));
        while (themes.Count < maxThemes - 1 && unassigned.Count >= 2)
        {
            var term = unassigned.SelectMany(p => p.Sentence.Vector.Terms).Where(t => !requestTerms.Contains(t))
                .GroupBy(t => t)
                .Select(g => (Term: g.Key, Count: g.Count()))
                .Where(t => t.Count >= 2 && t.Count <= ceiling)
                .OrderByDescending(t => t.Count * thread.Space.Idf(t.Term)).ThenBy(t => t.Term)
                .Select(t => (int?)t.Term)
                .FirstOrDefault();
            if (term is not { } id)
            {
                break;
            }

            var members = unassigned.Where(p => p.Sentence.Vector.Terms.Contains(id)).ToList();
            unassigned.RemoveAll(members.Contains);
            themes.Add((Label(id, members, thread), members));
        }

        if (unassigned.Count > 0)
        {
            themes.Add((themes.Count == 0 ? SingleLabel : OtherLabel, unassigned));
        }

        return themes;
    }

    /// <summary>The word as contributors wrote it most often (the index holds stems), capitalised.</summary>
    private static string Label(int term, IReadOnlyList<SelectedPoint> members, ThreadSentences thread)
    {
        var stem = thread.Space.Term(term);
        var surface = members.SelectMany(p => p.Sentence.Text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            .Where(w => TextTokenizer.Tokenize(w) is [var only] && only == stem)
            .GroupBy(w => w.ToLowerInvariant())
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault() ?? stem;
        return char.ToUpper(surface[0], CultureInfo.InvariantCulture) + surface[1..];
    }

    private static readonly char[] Separators = [' ', '\t', '\n', ',', '.', ';', ':', '!', '?', '(', ')', '"', '\'', '/', '[', ']'];
}

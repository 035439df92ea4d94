namespace CopBot.Community;

/// <summary>The passage of an entry's text that best shows why it matched: the sentence holding most of the query's terms.</summary>
public static class KnowledgeSnippet
{
    public static string Best(string text, string query, int maxLength = 300)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 10);
        var terms = TextTokenizer.Tokenize(query).ToHashSet(StringComparer.Ordinal);
        var sentences = Sentences(text);
        if (sentences.Count == 0)
        {
            return string.Empty;
        }

        // Most distinct query terms wins; the earliest sentence breaks ties, so the opening stays the default.
        var best = 0;
        var bestHits = -1;
        for (var i = 0; i < sentences.Count; i++)
        {
            var hits = TextTokenizer.Tokenize(sentences[i]).Where(terms.Contains).Distinct(StringComparer.Ordinal).Count();
            if (hits > bestHits)
            {
                (best, bestHits) = (i, hits);
            }
        }

        var snippet = new System.Text.StringBuilder(sentences[best]);
        for (var i = best + 1; i < sentences.Count && snippet.Length < maxLength; i++)
        {
            snippet.Append(' ').Append(sentences[i]);
        }

        var passage = snippet.Length > maxLength ? snippet.ToString(0, maxLength - 1).TrimEnd() + "…" : snippet.ToString();
        return (best > 0 ? "… " : string.Empty) + passage;
    }

    private static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] is '\n' || (text[i] is '.' or '?' or '!' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (end || i + 1 == text.Length)
            {
                var sentence = text[start..(i + 1)].Trim();
                if (sentence.Length > 0)
                {
                    sentences.Add(sentence);
                }

                start = i + 1;
            }
        }

        return sentences;
    }
}

using System.Collections.Frozen;

namespace CopBot.Community;

/// <summary>
/// Turns chat text into index terms: lower-case letter/digit runs, English stop words dropped, light stemming so
/// that "hops", "hopped" and "hop" meet. Deliberately simple: the same function indexes history and queries.
/// </summary>
public static class TextTokenizer
{
    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
        "do", "does", "doing", "don", "down", "during", "each", "etc", "few", "for", "from", "further", "get", "got",
        "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into",
        "is", "it", "its", "itself", "just", "know", "like", "may", "me", "might", "more", "most", "much", "must", "my",
        "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "out",
        "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
        "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
        "us", "use", "used", "using", "very", "want", "was", "way", "we", "were", "what", "when", "where", "which",
        "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "anyone", "question",
        "thanks", "thank", "please", "hi", "hello", "re", "ve", "ll", "http", "https", "www", "com",
    ], StringComparer.Ordinal);

    /// <summary>Terms of <paramref name="text"/> in order (duplicates kept: term frequency matters).</summary>
    public static IReadOnlyList<string> Tokenize(string? text)
    {
        var terms = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return terms;
        }

        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                AddTerm(terms, text.AsSpan(start, i - start));
                start = -1;
            }
        }

        return terms;
    }

    /// <summary>Explicit <c>#tags</c> written in the text, normalised like <see cref="Skill.NormalizeTag"/>.</summary>
    public static IReadOnlyList<string> HashTags(string? text)
    {
        var tags = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tags;
        }

        for (var i = 0; i < text.Length; i++)
        {
            // A '#' starting a word, not the one inside "c#".
            if (text[i] != '#' || (i > 0 && !char.IsWhiteSpace(text[i - 1]) && text[i - 1] != '('))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '-' or '_' or '#' or '+' or '.'))
            {
                end++;
            }

            var tag = Skill.NormalizeTag(text[(i + 1)..end].TrimEnd('.'));
            if (tag.Length > 0 && !tags.Contains(tag))
            {
                tags.Add(tag);
            }

            i = end - 1;
        }

        return tags;
    }

    /// <summary>The terms of a tag such as <c>belgian-beers</c>, so that tags can be found in plain text.</summary>
    public static IReadOnlyList<string> TagTerms(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return Tokenize(tag.Replace('-', ' ').Replace('_', ' '));
    }

    /// <summary>
    /// Term counts of a titled document (a past question, a knowledge-base entry) and its length in terms. The title
    /// states the question; counting it twice lets it outweigh long bodies.
    /// </summary>
    public static (Dictionary<string, int> Counts, int Length) CountDocumentTerms(string title, string? text, IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var length = 0;
        var titleTerms = Tokenize(title);
        foreach (var term in titleTerms.Concat(titleTerms).Concat(Tokenize(text)).Concat(tags.SelectMany(TagTerms)))
        {
            counts[term] = counts.GetValueOrDefault(term) + 1;
            length++;
        }

        return (counts, length);
    }

    /// <summary>Light suffix stripping (an S-stemmer plus -ing/-ed); stems need not be words, only consistent.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 3 || char.IsDigit(word[^1]))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("sses", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal))
        {
            word = word[..^1];
        }

        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5)
        {
            return Undouble(word[..^3]);
        }

        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4)
        {
            return Undouble(word[..^2]);
        }

        return word;
    }

    private static void AddTerm(List<string> terms, ReadOnlySpan<char> raw)
    {
        if (raw.Length < 2 && !char.IsDigit(raw[0]))
        {
            return;
        }

        var lower = raw.ToString().ToLowerInvariant();
        if (!StopWords.Contains(lower))
        {
            terms.Add(Stem(lower));
        }
    }

    // "hopped" → "hopp" → "hop", so the -ed form meets the plain one.
    private static string Undouble(string stem) =>
        stem.Length > 2 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z') ? stem[..^1] : stem;
}

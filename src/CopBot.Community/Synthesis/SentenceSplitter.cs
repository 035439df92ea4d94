using System.Collections.Frozen;

namespace CopBot.Community;

/// <summary>
/// Splits chat text into sentences: at line breaks, and at . ! ? followed by a space and a capital, digit or quote.
/// URLs, decimals ("1.5"), initials ("J. Smith") and common abbreviations ("e.g. this") do not end a sentence.
/// </summary>
public static class SentenceSplitter
{
    private static readonly FrozenSet<string> Abbreviations = FrozenSet.ToFrozenSet(
        ["e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "st", "approx", "no", "fig", "cf", "al", "jr", "sr", "inc", "ltd", "co"],
        StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Split(string? text)
    {
        var sentences = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return sentences;
        }

        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                Add(sentences, text, start, i);
                start = i + 1;
            }
            else if (IsUrlStart(text, i))
            {
                // Skip the link, but not the punctuation after it: "see https://x.org/a." still ends there.
                var end = i;
                while (end + 1 < text.Length && !char.IsWhiteSpace(text[end + 1]))
                {
                    end++;
                }

                while (end > i && text[end] is '.' or '!' or '?' or ',' or ';' or ':' or ')')
                {
                    end--;
                }

                i = end;
            }
            else if (c is '.' or '!' or '?' && EndsSentence(text, start, i))
            {
                // Closing quotes and brackets belong to the sentence they end.
                var end = i + 1;
                while (end < text.Length && text[end] is '"' or '\'' or ')' or '”' or '’' or '!' or '?' or '.')
                {
                    end++;
                }

                Add(sentences, text, start, end);
                start = end;
                i = end - 1;
            }
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool IsUrlStart(string text, int i) =>
        (text[i] is 'h' or 'H' or 'w' or 'W')
        && (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
        && (string.Compare(text, i, "http://", 0, 7, StringComparison.OrdinalIgnoreCase) == 0
            || string.Compare(text, i, "https://", 0, 8, StringComparison.OrdinalIgnoreCase) == 0
            || string.Compare(text, i, "www.", 0, 4, StringComparison.OrdinalIgnoreCase) == 0);

    private static bool EndsSentence(string text, int start, int i)
    {
        var next = i + 1;
        while (next < text.Length && text[next] is '"' or '\'' or ')' or '”' or '’' or '!' or '?' or '.')
        {
            next++;
        }

        if (next >= text.Length)
        {
            return true;
        }

        if (!char.IsWhiteSpace(text[next]))
        {
            return false;
        }

        while (next < text.Length && text[next] is ' ' or '\t')
        {
            next++;
        }

        if (next < text.Length && !(char.IsUpper(text[next]) || char.IsDigit(text[next]) || text[next] is '"' or '“' or '(' or '\n' or '\r'))
        {
            return false;
        }

        return text[i] != '.' || !IsAbbreviation(text, start, i);
    }

    private static bool IsAbbreviation(string text, int start, int dot)
    {
        var wordStart = dot;
        while (wordStart > start && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }

    private static void Add(List<string> sentences, string text, int start, int end)
    {
        if (end > start && text.AsSpan(start, end - start).Trim() is { Length: > 0 } sentence)
        {
            sentences.Add(sentence.ToString());
        }
    }
}

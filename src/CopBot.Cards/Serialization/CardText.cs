using System.Text;

namespace CopBot.Cards;

/// <summary>
/// Makes user-provided text safe to show in a <see cref="TextBlock"/> or <see cref="Fact"/>, whose text
/// Teams renders as markdown and scans for <c>&lt;at&gt;</c> mentions.
/// </summary>
/// <remarks>
/// <para>
/// Markdown characters are replaced by look-alike characters instead of being backslash-escaped: Teams
/// clients disagree on backslash escapes (desktop, web and mobile have each shown stray backslashes or
/// still applied the markup), while a look-alike renders the same everywhere and can never form markup.
/// </para>
/// <para>The rule, applied after trimming and truncation:</para>
/// <list type="bullet">
/// <item><c>[</c> <c>]</c> become <c>［</c> <c>］</c>: no link or image can form. Parentheses stay as they
/// are; without brackets they are plain text.</item>
/// <item><c>&lt;</c> becomes <c>＜</c>: no <c>&lt;at&gt;</c> mention, HTML tag or autolink can form.</item>
/// <item><c>*</c> becomes <c>∗</c> and <c>~</c> becomes <c>∼</c>: no bold, italic or strike-through.</item>
/// <item><c>_</c> becomes <c>＿</c> unless it sits between two letters or digits, so <c>snake_case</c>
/// stays readable and copyable while <c>_italic_</c> cannot form.</item>
/// <item>At the start of a line (after any indentation): <c>#</c> <c>&gt;</c> <c>-</c> <c>+</c> <c>=</c>
/// become <c>＃ ＞ ‐ ＋ ＝</c>, and the <c>.</c> or <c>)</c> of a number followed by a space becomes
/// <c>․</c> or <c>）</c>: no heading, quote, list or rule. Elsewhere these characters stay (C#, a &gt; b,
/// x-y, 1.5).</item>
/// <item>Control characters other than line breaks and tabs, bidirectional overrides and isolates (used to
/// disguise text) and byte-order marks are removed; line breaks are normalised to <c>\n</c> and runs of
/// blank lines collapsed to one, so a message cannot flood the card vertically.</item>
/// </list>
/// <para>Bare URLs stay visible text; Teams may still make them clickable, which shows the real target.</para>
/// </remarks>
public static class CardText
{
    /// <summary>Default maximum length of escaped text, in UTF-16 code units.</summary>
    public const int DefaultMaxLength = 1000;

    /// <summary>Appended when text is truncated.</summary>
    public const string Ellipsis = "…";

    /// <summary>Neutralises markdown and mentions in <paramref name="userText"/> and truncates it.</summary>
    /// <param name="userText">Text as the user typed it.</param>
    /// <param name="maxLength">Maximum length of the result, ellipsis included.</param>
    public static string Escape(string userText, int maxLength = DefaultMaxLength)
    {
        ArgumentNullException.ThrowIfNull(userText);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);

        var text = Truncate(Clean(userText), maxLength);
        return Neutralise(text);
    }

    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        var newlines = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                // \r\n and a lone \r both end a line.
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                c = '\n';
            }

            if (c == '\n')
            {
                // At most one blank line in a row.
                if (++newlines <= 2)
                {
                    sb.Append(c);
                }

                continue;
            }

            if (IsRemoved(c))
            {
                continue;
            }

            if (c is not (' ' or '\t'))
            {
                newlines = 0;
            }

            sb.Append(c);
        }

        return sb.ToString().Trim();
    }

    private static bool IsRemoved(char c) =>
        (char.IsControl(c) && c != '\t')
        || c is >= '\u202A' and <= '\u202E' // bidi embeddings and overrides
        || c is >= '\u2066' and <= '\u2069' // bidi isolates
        || c == '\uFEFF';

    private static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - Ellipsis.Length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--; // never split a surrogate pair (emoji)
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), Ellipsis);
    }

    private static string Neutralise(string text)
    {
        var sb = new StringBuilder(text.Length);
        var atLineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                atLineStart = true;
                sb.Append(c);
                continue;
            }

            if (atLineStart && c is ' ' or '\t')
            {
                sb.Append(c);
                continue;
            }

            if (atLineStart)
            {
                atLineStart = false;
                if (LineStartLookAlike(c) is { } lookAlike)
                {
                    sb.Append(lookAlike);
                    continue;
                }

                if (char.IsAsciiDigit(c))
                {
                    i = AppendNumberMarker(text, i, sb);
                    continue;
                }
            }

            sb.Append(c switch
            {
                '[' => '［',
                ']' => '］',
                '<' => '＜',
                '*' => '∗',
                '~' => '∼',
                '_' when !IsIntraWord(text, i) => '＿',
                _ => c,
            });
        }

        return sb.ToString();
    }

    private static char? LineStartLookAlike(char c) => c switch
    {
        '#' => '＃',
        '>' => '＞',
        '-' => '‐',
        '+' => '＋',
        '=' => '＝',
        _ => null,
    };

    /// <summary>
    /// Appends the digits starting at <paramref name="start"/>; if they form an ordered-list marker
    /// ("1. " or "1) "), its punctuation is replaced. Returns the index of the last character consumed.
    /// </summary>
    private static int AppendNumberMarker(string text, int start, StringBuilder sb)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        sb.Append(text, start, end - start);
        var isMarker = end < text.Length
            && text[end] is '.' or ')'
            && (end + 1 == text.Length || char.IsWhiteSpace(text[end + 1]));
        if (!isMarker)
        {
            return end - 1;
        }

        sb.Append(text[end] == '.' ? '․' : '）');
        return end;
    }

    private static bool IsIntraWord(string text, int i) =>
        i > 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1]);
}

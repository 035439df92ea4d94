using System.Globalization;
using System.Text;

namespace CopBot.Storage;

/// <summary>
/// Turns any id into a valid, reversible Table Storage key. Only what Table Storage forbids in keys
/// (<c>/ \ # ?</c> and the control characters U+0000–U+001F, U+007F–U+009F) is escaped, plus <c>%</c> itself so that
/// decoding is unambiguous; every other character is kept so keys stay readable in Storage Explorer.
/// Escapes are <c>%XX</c> per UTF-8 byte.
/// </summary>
public static class KeyEncoder
{
    /// <summary>Table Storage allows keys of 1 KiB; counted as UTF-16 (its storage form) that is 512 characters.</summary>
    public const int MaxKeyLength = 512;

    /// <summary>Separates the parts of a composite key; <see cref="Join"/> escapes it inside parts.</summary>
    public const char Separator = '|';

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Guard(Escape(value, escapeSeparator: false), value, nameof(value));
    }

    public static string Decode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Contains('%', StringComparison.Ordinal))
        {
            return key;
        }

        var text = new StringBuilder(key.Length);
        var bytes = new List<byte>();
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] != '%')
            {
                text.Append(key[i]);
                continue;
            }

            // Consecutive escapes may form one multi-byte UTF-8 character: gather them before decoding.
            bytes.Clear();
            while (i < key.Length && key[i] == '%')
            {
                bytes.Add(ParseHexByte(key, i));
                i += 3;
            }

            i--;
            text.Append(DecodeUtf8(key, bytes));
        }

        return text.ToString();
    }

    /// <summary>A composite key: each part encoded, <see cref="Separator"/> escaped inside parts, parts joined.</summary>
    public static string Join(params ReadOnlySpan<string> parts)
    {
        var key = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(parts[i], nameof(parts));
            if (i > 0)
            {
                key.Append(Separator);
            }

            key.Append(Escape(parts[i], escapeSeparator: true));
        }

        return Guard(key.ToString(), string.Join(Separator, parts), nameof(parts));
    }

    /// <summary>The parts of a key built by <see cref="Join"/>, decoded.</summary>
    public static IReadOnlyList<string> Split(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return [.. key.Split(Separator).Select(Decode)];
    }

    private static string Escape(string value, bool escapeSeparator)
    {
        StringBuilder? escaped = null;
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogate(c))
            {
                // A lone surrogate cannot travel as UTF-8: it would silently become U+FFFD and break reversibility.
                if (!(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
                {
                    throw new ArgumentException("The id contains an unpaired surrogate character.", nameof(value));
                }

                escaped?.Append(value, i, 2);
                i++;
                continue;
            }

            if (!MustEscape(c, escapeSeparator))
            {
                escaped?.Append(c);
                continue;
            }

            escaped ??= new StringBuilder(value.Length + 8).Append(value, 0, i);
            var count = StrictUtf8.GetBytes(new ReadOnlySpan<char>(in c), utf8);
            foreach (var b in utf8[..count])
            {
                escaped.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return escaped?.ToString() ?? value;
    }

    private static bool MustEscape(char c, bool escapeSeparator) =>
        c is '/' or '\\' or '#' or '?' or '%' or <= '\u001F' or (>= '\u007F' and <= '\u009F')
        || (escapeSeparator && c == Separator);

    private static string Guard(string key, string original, string paramName)
    {
        if (key.Length > MaxKeyLength)
        {
            var preview = original.Length > 40 ? original[..40] + "…" : original;
            throw new ArgumentException(
                $"'{preview}' is too long for a Table Storage key once encoded ({key.Length} > {MaxKeyLength} characters).",
                paramName);
        }

        return key;
    }

    private static byte ParseHexByte(string key, int percentIndex)
    {
        if (percentIndex + 2 >= key.Length
            || !byte.TryParse(key.AsSpan(percentIndex + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
        {
            throw new ArgumentException($"'{key}' is not an encoded key: '%' must be followed by two hex digits.", nameof(key));
        }

        return b;
    }

    private static string DecodeUtf8(string key, List<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString([.. bytes]);
        }
        catch (DecoderFallbackException e)
        {
            throw new ArgumentException($"'{key}' is not an encoded key: its escapes are not UTF-8.", nameof(key), e);
        }
    }
}

namespace CopBot.Community;

/// <summary>Checks imported text: no control characters (they break keys, cards and logs), bounded length.</summary>
internal static class TextRules
{
    /// <returns>The trimmed text, or null when it was rejected (the reason is added to <paramref name="errors"/>).</returns>
    public static string? Check(string path, string value, int maxLength, bool multiline, List<string> errors)
    {
        if (value.Any(c => char.IsControl(c) && !(multiline && (c is '\n' or '\r' or '\t'))))
        {
            errors.Add($"'{path}' contains control characters");
            return null;
        }

        if (value.Any(char.IsSurrogate) && !HasOnlyPairedSurrogates(value))
        {
            errors.Add($"'{path}' contains an unpaired surrogate");
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            errors.Add($"'{path}' is longer than {maxLength} characters");
            return null;
        }

        return trimmed;
    }

    private static bool HasOnlyPairedSurrogates(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}

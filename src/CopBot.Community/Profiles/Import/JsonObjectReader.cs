using System.Globalization;
using System.Text.Json;

namespace CopBot.Community;

/// <summary>
/// Reads typed, bounded fields of one JSON object and collects every problem (with the field's path) instead of
/// stopping at the first, so an import report tells the whole story of a bad line.
/// </summary>
internal sealed class JsonObjectReader(JsonElement jsonObject, string path, List<string> errors)
{
    // Table Storage dates start in 1601; anything that old (or absurdly late) is a typo anyway.
    private static readonly DateTimeOffset EarliestDate = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestDate = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public List<string> Errors => errors;

    public string PathOf(string name) => path + name;

    public void AddError(string message) => errors.Add(message);

    /// <summary>The property, or null when it is absent or JSON null (both mean "not given").</summary>
    public JsonElement? Property(string name) =>
        jsonObject.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>A trimmed string; null when absent or blank (an error when required).</summary>
    public string? Text(string name, int maxLength, bool required = false, bool multiline = false)
    {
        var value = Property(name);
        if (value is null)
        {
            if (required)
            {
                AddError($"'{PathOf(name)}' is required");
            }

            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.String)
        {
            AddError($"'{PathOf(name)}' must be a string");
            return null;
        }

        var text = TextRules.Check(PathOf(name), value.Value.GetString()!, maxLength, multiline, errors);
        if (text is { Length: 0 } && required)
        {
            AddError($"'{PathOf(name)}' must not be empty");
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }

    public int Integer(string name, int min, int max, int defaultValue)
    {
        var value = Property(name);
        if (value is null)
        {
            return defaultValue;
        }

        if (value.Value.ValueKind == JsonValueKind.Number && value.Value.TryGetInt32(out var number)
            && number >= min && number <= max)
        {
            return number;
        }

        AddError($"'{PathOf(name)}' must be an integer from {min} to {max}");
        return defaultValue;
    }

    /// <summary>An ISO 8601 date or date-time (UTC when no offset is given); null when absent.</summary>
    public DateTimeOffset? Date(string name)
    {
        var text = Text(name, maxLength: 40);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            && date >= EarliestDate && date < LatestDate)
        {
            return date.ToUniversalTime();
        }

        AddError($"'{PathOf(name)}' must be an ISO 8601 date, such as 2024-03-01 or 2024-03-01T09:30:00Z");
        return null;
    }

    /// <summary>The items of an array property; empty when absent.</summary>
    public IReadOnlyList<JsonElement> Array(string name, int maxItems)
    {
        var value = Property(name);
        if (value is null)
        {
            return [];
        }

        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            AddError($"'{PathOf(name)}' must be an array");
            return [];
        }

        if (value.Value.GetArrayLength() > maxItems)
        {
            AddError($"'{PathOf(name)}' has more than {maxItems} items");
            return [];
        }

        return [.. value.Value.EnumerateArray()];
    }

    /// <summary>An array of strings, trimmed, blanks dropped, duplicates (ignoring case) dropped.</summary>
    public IReadOnlyList<string> TextList(string name, int maxItems, int maxLength, Func<string, string>? normalize = null)
    {
        var items = new List<string>();
        var index = 0;
        foreach (var item in Array(name, maxItems))
        {
            var itemPath = $"{PathOf(name)}[{index++}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                AddError($"'{itemPath}' must be a string");
                continue;
            }

            var text = TextRules.Check(itemPath, item.GetString()!, maxLength, multiline: false, errors);
            text = text is null ? null : normalize?.Invoke(text) ?? text;
            if (!string.IsNullOrEmpty(text) && !items.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                items.Add(text);
            }
        }

        return items;
    }

    public JsonObjectReader Nested(JsonElement element, string elementPath) => new(element, elementPath + ".", errors);
}

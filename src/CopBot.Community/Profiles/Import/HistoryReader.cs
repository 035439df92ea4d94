using System.Globalization;
using System.Text.Json;

namespace CopBot.Community;

/// <summary>Reads <c>history</c>: past answered questions <c>{ "title", "text", "tags", "at" }</c>.</summary>
internal static class HistoryReader
{
    // Table Storage dates start in 1601; anything that old (or absurdly late) is a typo anyway.
    private static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<AnsweredQuestion> Read(JsonObjectReader reader)
    {
        var history = new List<AnsweredQuestion>();
        var items = reader.Array("history", ProfileLimits.MaxHistoryItems);
        for (var index = 0; index < items.Count; index++)
        {
            var path = $"{reader.PathOf("history")}[{index}]";
            if (items[index].ValueKind != JsonValueKind.Object)
            {
                reader.AddError($"'{path}' must be an object with 'title', 'text', 'tags' and 'at'");
                continue;
            }

            var fields = reader.Nested(items[index], path);
            var title = fields.Text("title", ProfileLimits.MaxHistoryTitleLength, required: true);
            var text = fields.Text("text", ProfileLimits.MaxHistoryTextLength, multiline: true);
            var tags = fields.TextList("tags", ProfileLimits.MaxHistoryTags, ProfileLimits.MaxTagLength, Skill.NormalizeTag);
            var at = ReadDate(fields, "at");
            if (title is not null)
            {
                history.Add(new AnsweredQuestion(title, text, tags, at));
            }
        }

        return history;
    }

    private static DateTimeOffset? ReadDate(JsonObjectReader fields, string name)
    {
        var text = fields.Text(name, maxLength: 40);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            && date >= Earliest && date < Latest)
        {
            return date.ToUniversalTime();
        }

        fields.AddError($"'{fields.PathOf(name)}' must be an ISO 8601 date, such as 2024-03-01 or 2024-03-01T09:30:00Z");
        return null;
    }
}

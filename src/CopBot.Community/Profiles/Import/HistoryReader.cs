using System.Text.Json;

namespace CopBot.Community;

/// <summary>Reads <c>history</c>: past answered questions <c>{ "title", "text", "tags", "at" }</c>.</summary>
internal static class HistoryReader
{
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
            var at = fields.Date("at");
            if (title is not null)
            {
                history.Add(new AnsweredQuestion(title, text, tags, at));
            }
        }

        return history;
    }
}

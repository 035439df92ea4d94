using System.Text.Json;

namespace CopBot.Community;

/// <summary>Reads <c>skills</c>: each item is a tag string (level 3) or <c>{ "tag", "level" }</c>.</summary>
internal static class SkillsReader
{
    public static IReadOnlyList<Skill> Read(JsonObjectReader reader)
    {
        var skills = new List<Skill>();
        var items = reader.Array("skills", ProfileLimits.MaxSkills);
        for (var index = 0; index < items.Count; index++)
        {
            var path = $"{reader.PathOf("skills")}[{index}]";
            if (ReadOne(reader, items[index], path) is { } skill)
            {
                AddOrKeepHighest(skills, skill);
            }
        }

        return skills;
    }

    private static Skill? ReadOne(JsonObjectReader reader, JsonElement item, string path)
    {
        switch (item.ValueKind)
        {
            case JsonValueKind.String:
                return Create(reader, path, item.GetString()!, Skill.DefaultLevel);
            case JsonValueKind.Object:
                var fields = reader.Nested(item, path);
                var tag = fields.Text("tag", ProfileLimits.MaxTagLength, required: true);
                var level = fields.Integer("level", Skill.MinLevel, Skill.MaxLevel, Skill.DefaultLevel);
                return tag is null ? null : Create(reader, path, tag, level);
            default:
                reader.AddError($"'{path}' must be a tag string or an object with 'tag' and 'level'");
                return null;
        }
    }

    private static Skill? Create(JsonObjectReader reader, string path, string rawTag, int level)
    {
        var tag = TextRules.Check(path, rawTag, ProfileLimits.MaxTagLength, multiline: false, reader.Errors);
        if (tag is null)
        {
            return null;
        }

        if (Skill.NormalizeTag(tag).Length == 0)
        {
            reader.AddError($"'{path}' has an empty tag");
            return null;
        }

        return new Skill(tag, level);
    }

    // The same tag twice is a harmless slip: keep one, with the higher level.
    private static void AddOrKeepHighest(List<Skill> skills, Skill skill)
    {
        var existing = skills.FindIndex(s => s.Tag == skill.Tag);
        if (existing < 0)
        {
            skills.Add(skill);
        }
        else if (skills[existing].Level < skill.Level)
        {
            skills[existing] = skill;
        }
    }
}

using System.Text.Json.Nodes;
using CsCheck;

namespace CopBot.Tests.Fuzzing;

/// <summary>
/// Generators of hostile input: text made of the characters and fragments that break parsers, keys and cards
/// (path separators, control characters, markdown links, mentions, huge tags), and random edits of recorded
/// Teams payloads (a field replaced by another JSON kind, removed, or filled with such text).
/// </summary>
public static class FuzzInput
{
    private static readonly string[] Fragments =
    [
        "query ", "help", "profile", "cancel", "search ", "discuss ", "#", "#fire", "#", "/", "\\", "?", "&", "%2F",
        "\u0000", "\u0007", "\u001b[31m", "\r\n", "\t", "\u202e", "\u200b", "\ufeff", "😀", "漢字", "é",
        "<at>CopBot</at> ", "<at>", "</at>", "[click](https://evil.example)", "![x](javascript:alert(1))", "**", "_",
        "{{DATE(2026-01-01T00:00:00Z)}}", "${$root.secret}", "\"", "'", "<script>", "null", "{}", "[]", "  ",
        "#" + new string('a', 300), new string('x', 2100), "#t1 #t2 #t3 #t4 #t5 #t6 #t7 #t8 #t9 #t10 #t11 #t12",
    ];

    /// <summary>Strings of 0–12 hostile fragments and random characters.</summary>
    public static readonly Gen<string> Text =
        Gen.OneOf<string>(Gen.OneOf(Fragments), Gen.String[0, 8]).Array[0, 12].Select(string.Concat);

    /// <summary>A replacement for a JSON value: another kind, an empty or hostile string, a huge number.</summary>
    public static readonly Gen<JsonNode?> Value = Gen.OneOf(
        Gen.Const<JsonNode?>((JsonNode?)null),
        Text.Select(t => (JsonNode?)JsonValue.Create(t)),
        Gen.Long.Select(n => (JsonNode?)JsonValue.Create(n)),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Const<JsonNode?>(() => new JsonArray()),
        Text.Select(t => (JsonNode?)new JsonObject { [t.Length == 0 ? "k" : t] = t }));

    /// <summary>One edit: which node (an index taken modulo the node count), remove it or replace its value.</summary>
    public sealed record Edit(int Target, bool Remove, JsonNode? Replacement);

    public static readonly Gen<Edit[]> Edits =
        Gen.Select(Gen.Int[0, 10_000], Gen.Frequency((1, Gen.Const(true)), (4, Gen.Const(false))), Value,
            (target, remove, value) => new Edit(target, remove, value)).Array[1, 4];

    /// <summary>Applies the edits to a copy of <paramref name="payload"/>; the root object itself is never replaced.</summary>
    public static JsonObject Apply(JsonObject payload, IEnumerable<Edit> edits)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(edits);
        var copy = payload.DeepClone().AsObject();
        foreach (var edit in edits)
        {
            var slots = Slots(copy).ToList();
            if (slots.Count == 0)
            {
                break;
            }

            var (parent, key, index) = slots[edit.Target % slots.Count];
            if (parent is JsonObject obj)
            {
                if (edit.Remove)
                {
                    obj.Remove(key!);
                }
                else
                {
                    obj[key!] = edit.Replacement?.DeepClone();
                }
            }
            else if (parent is JsonArray array)
            {
                if (edit.Remove)
                {
                    array.RemoveAt(index);
                }
                else
                {
                    array[index] = edit.Replacement?.DeepClone();
                }
            }
        }

        return copy;
    }

    /// <summary>Every property and array element below the root, as (container, property name, array index).</summary>
    private static IEnumerable<(JsonNode Parent, string? Key, int Index)> Slots(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    yield return (obj, key, -1);
                    if (child is not null)
                    {
                        foreach (var slot in Slots(child))
                        {
                            yield return slot;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, null, i);
                    if (array[i] is { } child)
                    {
                        foreach (var slot in Slots(child))
                        {
                            yield return slot;
                        }
                    }
                }

                break;
        }
    }
}

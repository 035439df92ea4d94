using System.Text.Json.Nodes;
using CopBot.Testing;

namespace CopBot.EndToEndTests.Support;

internal static class CardAssert
{
    /// <summary>The official parser (plus the Teams rules) finds no error and no warning in the card.</summary>
    public static void Valid(JsonObject card, string name)
    {
        var result = AdaptiveCardValidator.Validate(card.ToJsonString(), name);
        Assert.True(result.IsClean, result.ToString());
    }

    /// <summary>The title (first text) of the message's first card; null when it has no card.</summary>
    public static string? Title(PlaygroundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Cards.Count > 0 && Texts(message.Cards[0]) is [var title, ..] ? title : null;
    }

    /// <summary>Every TextBlock text and Fact title/value of the card, depth first, for content checks.</summary>
    public static IReadOnlyList<string> Texts(JsonNode? node)
    {
        var texts = new List<string>();
        Collect(node, texts);
        return texts;
    }

    private static void Collect(JsonNode? node, List<string> texts)
    {
        switch (node)
        {
            case JsonObject element:
                var type = (string?)element["type"];
                if (type == "TextBlock" && (string?)element["text"] is { } text)
                {
                    texts.Add(text);
                }

                if (type is null && (string?)element["title"] is { } title && (string?)element["value"] is { } value)
                {
                    texts.Add(title);
                    texts.Add(value);
                }

                foreach (var (key, child) in element)
                {
                    if (key is not "actions" and not "fallback")
                    {
                        Collect(child, texts);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, texts);
                }

                break;
        }
    }

    /// <summary>Every fact (title, value) of the card's FactSets, depth first.</summary>
    public static IReadOnlyList<(string Title, string Value)> Facts(JsonNode? node) =>
        node switch
        {
            JsonObject element when (string?)element["type"] == "FactSet" =>
                [.. (element["facts"]?.AsArray() ?? []).OfType<JsonObject>().Select(f => ((string?)f["title"] ?? "", (string?)f["value"] ?? ""))],
            JsonObject element => [.. element.Where(p => p.Key is not "actions" and not "fallback").SelectMany(p => Facts(p.Value))],
            JsonArray array => [.. array.SelectMany(Facts)],
            _ => [],
        };

    /// <summary>The card's Action.Execute buttons.</summary>
    public static IReadOnlyList<JsonObject> ExecuteActions(JsonObject card) =>
        [.. (card["actions"]?.AsArray() ?? []).OfType<JsonObject>().Where(a => (string?)a["type"] == "Action.Execute")];
}

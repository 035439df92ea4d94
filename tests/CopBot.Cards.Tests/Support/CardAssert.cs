using System.Text.Json;
using CopBot.Cards;
using CopBot.Testing;

namespace CopBot.Cards.Tests;

/// <summary>Assertions shared by the card tests.</summary>
internal static class CardAssert
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Same JSON values, whatever the property order or whitespace.</summary>
    public static void JsonEqual(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        Assert.True(
            JsonElement.DeepEquals(e.RootElement, a.RootElement),
            $"JSON differs.{Environment.NewLine}Expected:{Environment.NewLine}{Pretty(e.RootElement)}{Environment.NewLine}Actual:{Environment.NewLine}{Pretty(a.RootElement)}");
    }

    /// <summary>Every object that has a "type" has it as its first property, as the schema samples do.</summary>
    public static void TypeFirstEverywhere(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = element.EnumerateObject().ToList();
                if (properties.Any(p => p.Name == "type"))
                {
                    Assert.True(properties[0].Name == "type", $"'type' is not the first property at {path}.");
                }

                foreach (var p in properties)
                {
                    TypeFirstEverywhere(p.Value, $"{path}.{p.Name}");
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    TypeFirstEverywhere(item, $"{path}[{i++}]");
                }

                break;
        }
    }

    /// <summary>
    /// Checks that the official parser finds no error and no warning in each fixture and that each card fits Teams'
    /// size limit. With <paramref name="writeGallery"/> (the whole catalog only) the fixtures are first written to
    /// artifacts/card-fixtures for the rendering gallery: one writer, so test classes running in parallel never
    /// replace the folder under each other, and the gallery always gets every card.
    /// </summary>
    public static void ValidFixtures(IReadOnlyList<CardFixture> fixtures, bool writeGallery = false)
    {
        var json = fixtures.ToDictionary(f => f.Name, f => CardJson.Serialize(f.Card));
        if (writeGallery)
        {
            CardFixtures.WriteAll(fixtures, json);
        }

        var results = AdaptiveCardValidator.ValidateMany(json);
        Assert.All(results.Values, r => Assert.True(r.IsClean, r.ToString()));
        Assert.All(fixtures, f => Assert.InRange(CardJson.SizeInBytes(f.Card), 1, CardLimits.MaxBytes));
    }

    private static string Pretty(JsonElement element) => JsonSerializer.Serialize(element, Indented);
}

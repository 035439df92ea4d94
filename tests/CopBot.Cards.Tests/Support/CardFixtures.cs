using System.Text.Json;
using CopBot.Testing;

namespace CopBot.Cards.Tests;

/// <summary>
/// Writes the catalog's cards to artifacts/card-fixtures (gitignored): one &lt;name&gt;.json per card plus
/// index.jsonl (name, builder, state; one line per card in catalog order, not .json so that
/// tools/card-validator can still validate the folder), which tools/card-gallery renders to docs/cards.
/// </summary>
internal static class CardFixtures
{
    public static string Folder => Path.Combine(AdaptiveCardValidator.RepoRoot, "artifacts", "card-fixtures");

    /// <summary>Replaces the folder's content, so a removed fixture leaves nothing stale behind.</summary>
    public static void WriteAll(IReadOnlyList<CardFixture> fixtures, IReadOnlyDictionary<string, string> jsonByName)
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        Directory.CreateDirectory(Folder);
        foreach (var fixture in fixtures)
        {
            File.WriteAllText(Path.Combine(Folder, fixture.Name + ".json"), jsonByName[fixture.Name]);
        }

        var index = fixtures.Select(f => JsonSerializer.Serialize(new { name = f.Name, builder = f.Builder, state = f.State }));
        File.WriteAllLines(Path.Combine(Folder, "index.jsonl"), index);
    }
}

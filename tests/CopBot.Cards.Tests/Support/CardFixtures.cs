using CopBot.Testing;

namespace CopBot.Cards.Tests;

/// <summary>Keeps builder output under artifacts/card-fixtures (gitignored) for a later rendering gallery.</summary>
internal static class CardFixtures
{
    public static string Folder => Path.Combine(AdaptiveCardValidator.RepoRoot, "artifacts", "card-fixtures");

    public static void Write(string name, string json)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, name + ".json"), json);
    }
}

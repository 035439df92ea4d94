using System.Text.Json.Nodes;
using CopBot.Testing;

namespace CopBot.Tests.Support;

/// <summary>Cards the bot sent, checked by the official Adaptive Cards parser (zero errors and warnings).</summary>
public static class SentCardAssert
{
    public static void Valid(IEnumerable<JsonObject> cards, int atLeast = 1)
    {
        var results = AdaptiveCardValidator.ValidateMany(cards.Select((c, i) => (Name: $"card{i}", Json: c.ToJsonString())).ToDictionary(c => c.Name, c => c.Json));
        Assert.True(results.Count >= atLeast, $"expected at least {atLeast} cards, got {results.Count}");
        Assert.All(results.Values, r => Assert.True(r.IsClean, r.ToString()));
    }
}

using System.Text.Json.Nodes;
using CopBot.Cli;
using CopBot.Community;
using CopBot.Hosting;
using CopBot.Storage;
using CopBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests;

/// <summary><c>synthesize &lt;request id&gt;</c> on the admin CLI, against a query stored in real Table Storage.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class SynthesizeCliTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Asked = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private async Task<IConfiguration> StoreQueryAsync()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tables"] = azurite.ConnectionString,
            ["CopBot:TablePrefix"] = "S" + Guid.NewGuid().ToString("N")[..12],
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddCopBotStorage(settings).BuildServiceProvider();
        await services.GetRequiredService<CopBotTables>().EnsureCreatedAsync(CancellationToken.None);
        var query = new QueryRequest("default", "q-cli0000000000001", "How do we keep fire brigade volunteers engaged?", ["fire"],
            new QueryPlace("msteams", "https://example.test/", "19:x@thread.tacv2;messageid=1", "t", "28:bot", "CopBot", "1"),
            "29:asker", "Zeynep", Asked,
            [
                new ExpertAssignment("29:kalani", "Kalani", 1, ["fire"]) { State = AssignmentState.Answered, Answer = "Pay a small stipend in the burning season. See https://example.org/stipends.", AnsweredAt = Asked.AddHours(3) },
                new ExpertAssignment("29:ana", "Ana", 1, ["fire"]) { State = AssignmentState.Answered, Answer = "Train brigades with the rangers every year. Has anyone tried insurance for brigade volunteers?", AnsweredAt = Asked.AddHours(5) },
                new ExpertAssignment("29:li", "Li", 1, ["fire"]) { State = AssignmentState.Declined },
            ]);
        await services.GetRequiredService<IQueryStore>().CreateAsync(query, CancellationToken.None);
        return settings;
    }

    [Fact]
    public async Task Synthesize_StoredQuery_PrintsTheDraftWithCreditsAndStatistics()
    {
        var settings = await StoreQueryAsync();
        using var output = new StringWriter();

        var code = await AdminCli.RunAsync(["synthesize", "q-cli0000000000001"], settings, output, TextWriter.Null);

        var text = output.ToString();
        Assert.Equal(0, code);
        Assert.Contains("Engine: extractive", text, StringComparison.Ordinal);
        Assert.Contains("(Kalani)", text, StringComparison.Ordinal);
        Assert.Contains("Has anyone tried insurance for brigade volunteers? (Ana)", text, StringComparison.Ordinal);
        Assert.Contains("https://example.org/stipends", text, StringComparison.Ordinal);
        Assert.Contains("2 contributions, 2 people, 0 organisations, time to first answer: 3 h 0 min", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Li", text.Split("Contributors:")[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synthesize_Json_DraftModel()
    {
        var settings = await StoreQueryAsync();
        using var output = new StringWriter();

        var code = await AdminCli.RunAsync(["synthesize", "q-cli0000000000001", "--json"], settings, output, TextWriter.Null);

        Assert.Equal(0, code);
        var json = JsonNode.Parse(output.ToString())!;
        Assert.Equal("extractive", (string?)json["engine"]);
        Assert.Equal(2, (int)json["statistics"]!["contributions"]!);
        Assert.Equal(["29:kalani", "29:ana"], json["contributors"]!.AsArray().Select(c => (string?)c!["id"]));
    }

    [Fact]
    public async Task Synthesize_UnknownRequest_ExitOneWithMessage()
    {
        var settings = await StoreQueryAsync();
        using var errors = new StringWriter();

        var code = await AdminCli.RunAsync(["synthesize", "q-nope"], settings, TextWriter.Null, errors);

        Assert.Equal(1, code);
        Assert.Contains("No request with the id \"q-nope\"", errors.ToString(), StringComparison.Ordinal);
    }
}

using CopBot.Cli;
using CopBot.Community;
using CopBot.Testing;
using CopBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests;

/// <summary>The admin CLI on the host binary, against real Table Storage.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class AdminCliTests(AzuriteFixture azurite)
{
    private static string DemoFile => Path.Combine(AzuriteFixture.RepositoryRoot, "samples", "demo-community.jsonl");

    private IConfiguration Settings(string prefix) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Tables"] = azurite.ConnectionString,
        ["CopBot:TablePrefix"] = prefix,
    }).Build();

    private static string NewPrefix() => "C" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public void Handles_AdminVerbOrWebArguments_TellsThemApart()
    {
        Assert.True(AdminCli.Handles(["profiles", "import", "x.jsonl"]));
        Assert.False(AdminCli.Handles([]));
        Assert.False(AdminCli.Handles(["--urls", "http://127.0.0.1:5000"]));
    }

    [Fact]
    public async Task ProfilesImport_DemoCommunityTwice_CreatesTwelveThenChangesNothing()
    {
        var settings = Settings(NewPrefix());
        using var firstOut = new StringWriter();
        using var secondOut = new StringWriter();

        var first = await AdminCli.RunAsync(["profiles", "import", DemoFile], settings, firstOut, TextWriter.Null);
        var second = await AdminCli.RunAsync(["profiles", "import", DemoFile], settings, secondOut, TextWriter.Null);

        Assert.Equal(0, first);
        Assert.Contains("12 created", firstOut.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, second);
        Assert.Contains("0 created", secondOut.ToString(), StringComparison.Ordinal);
        Assert.Contains("12 unchanged", secondOut.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfilesImport_FileWithBadLines_ImportsGoodOnesAndReportsLineNumbers()
    {
        var prefix = NewPrefix();
        var file = Path.Combine(Path.GetTempPath(), $"profiles-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"id":"29:good-1","name":"Good One","skills":["cash-transfers"]}""",
            """{"name":"No Id"}""",
            """{not json""",
            """{"id":"29:good-2","name":"Good Two","skills":[{"tag":"fire","level":9}]}""",
            """{"id":"29:good-3","name":"Good Three"}""",
        ]);
        using var output = new StringWriter();
        using var errors = new StringWriter();

        try
        {
            var exit = await AdminCli.RunAsync(["profiles", "import", file], Settings(prefix), output, errors);

            Assert.Equal(1, exit);
            Assert.Contains("2 created", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("3 rejected", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("line 2", errors.ToString(), StringComparison.Ordinal);
            Assert.Contains("line 3", errors.ToString(), StringComparison.Ordinal);
            Assert.Contains("line 4", errors.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<IConfiguration> DemoCommunityAsync()
    {
        var settings = Settings(NewPrefix());
        Assert.Equal(0, await AdminCli.RunAsync(["profiles", "import", DemoFile], settings, TextWriter.Null, TextWriter.Null));
        return settings;
    }

    [Fact]
    public async Task Route_FireQuestionAsJson_RanksFireExpertsWithReasons()
    {
        var settings = await DemoCommunityAsync();
        using var output = new StringWriter();

        var exit = await AdminCli.RunAsync(["route", "How do we run prescribed burning with communities?", "--top", "2", "--json"], settings, output, TextWriter.Null);

        Assert.Equal(0, exit);
        var experts = System.Text.Json.Nodes.JsonNode.Parse(output.ToString())!["experts"]!.AsArray();
        Assert.Equal(2, experts.Count);
        Assert.Contains(experts, e => (string?)e!["name"] == "Kalani Makoa Reyes");
        Assert.All(experts, e => Assert.NotEmpty(e!["why"]!.AsArray()));
        Assert.True((double)experts[0]!["score"]! >= (double)experts[1]!["score"]!);
    }

    [Fact]
    public async Task Route_ExpertAtOpenRequestCap_SkippedAsTheBotWould()
    {
        const string kalani = "29:1Ty5WnQx2LkJ8cVb6ZmR3aPs9DfG0hEo7UiY4tKw1XrNqMj";
        var settings = await DemoCommunityAsync();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddCopBotStorage(settings);
        await using (var provider = services.BuildServiceProvider())
        {
            var queries = provider.GetRequiredService<IQueryStore>();
            var place = new QueryPlace("msteams", "https://smba.example/", "19:fire@thread.tacv2;messageid=1", "tenant", "28:bot", "CopBot", "1");
            for (var i = 0; i < 5; i++) // above every cap in the demo community (Kalani has the default 3)
            {
                await queries.CreateAsync(new QueryRequest("default", $"q-{i}", "Burn plan?", [], place, "29:1asker", "Asker", DateTimeOffset.UtcNow,
                    [new ExpertAssignment(kalani, "Kalani Makoa Reyes", 1, []) { State = AssignmentState.Asked }]), CancellationToken.None);
            }
        }

        using var output = new StringWriter();

        Assert.Equal(0, await AdminCli.RunAsync(["route", "How do we run prescribed burning with communities?", "--top", "3", "--json"], settings, output, TextWriter.Null));
        Assert.DoesNotContain("Kalani", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_ExcludedExpert_NeverReturned()
    {
        var settings = await DemoCommunityAsync();
        using var output = new StringWriter();

        await AdminCli.RunAsync(["route", "prescribed burning", "--exclude", "29:1Ty5WnQx2LkJ8cVb6ZmR3aPs9DfG0hEo7UiY4tKw1XrNqMj", "--exclude", "a4c9e1f0-2b3d-4c5e-8f7a-6b5c4d3e2f1a", "--json"], settings, output, TextWriter.Null);

        Assert.DoesNotContain("Kalani", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Nadia", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_Batch_OneResultPerLineInOrderWithErrorsInPlace()
    {
        var settings = await DemoCommunityAsync();
        var file = Path.Combine(Path.GetTempPath(), $"queries-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"text":"HIV and nutrition in food insecure households","tags":["hiv"]}""",
            """{not json""",
            """{"text":"theory of change for a results framework","exclude":["emp-00988"]}""",
        ]);
        using var output = new StringWriter();

        try
        {
            var exit = await AdminCli.RunAsync(["route", "--batch", file, "--top", "3"], settings, output, TextWriter.Null);

            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(1, exit);
            Assert.Equal(3, lines.Length);
            Assert.Contains("Grace Achieng Otieno", lines[0], StringComparison.Ordinal);
            Assert.Contains("line 2", lines[1], StringComparison.Ordinal);
            Assert.DoesNotContain("emp-00988", lines[2], StringComparison.Ordinal);
            Assert.Contains("experts", lines[2], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Route_NoQuestion_ExitCode2WithUsage()
    {
        var settings = await DemoCommunityAsync();
        using var errors = new StringWriter();

        Assert.Equal(2, await AdminCli.RunAsync(["route"], settings, TextWriter.Null, errors));
        Assert.Contains("Give a question", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfilesImport_MissingFile_ExitCode2AndClearMessage()
    {
        using var errors = new StringWriter();

        var exit = await AdminCli.RunAsync(["profiles", "import", "/nonexistent/profiles.jsonl"], Settings(NewPrefix()), TextWriter.Null, errors);

        Assert.Equal(2, exit);
        Assert.Contains("File not found", errors.ToString(), StringComparison.Ordinal);
    }
}

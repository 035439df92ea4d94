using CopBot.Cli;
using CopBot.Community;
using CopBot.Testing;
using Microsoft.Extensions.Configuration;

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

    [Fact]
    public async Task ProfilesImport_MissingFile_ExitCode2AndClearMessage()
    {
        using var errors = new StringWriter();

        var exit = await AdminCli.RunAsync(["profiles", "import", "/nonexistent/profiles.jsonl"], Settings(NewPrefix()), TextWriter.Null, errors);

        Assert.Equal(2, exit);
        Assert.Contains("File not found", errors.ToString(), StringComparison.Ordinal);
    }
}

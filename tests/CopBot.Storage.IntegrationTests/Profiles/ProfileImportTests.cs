using CopBot.Community;
using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Profiles;

/// <summary>The importer against the real profile store on Azurite.</summary>
[Collection(AzuriteFixture.Collection)]
public class ProfileImportTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly string DemoFile = Path.Combine(AzuriteFixture.RepositoryRoot, "samples", "demo-community.jsonl");

    [Fact]
    public async Task ImportAsync_DemoFile_CreatesTwelveProfiles()
    {
        var summary = await ImportDemoFileAsync();

        Assert.Equal(new ImportSummary(12, 0, 0, []), summary with { Errors = [] });
        Assert.Empty(summary.Errors);
        var profiles = await Storage.Profiles().ListAsync("default", default);
        Assert.Equal(12, profiles.Count);
        Assert.Equal(2, profiles.Count(p => p.Roles.Contains(CommunityRole.Facilitator)));
        Assert.All(profiles, p => Assert.InRange(p.History.Count, 2, 4));
    }

    [Fact]
    public async Task ImportAsync_DemoFileTwice_SecondRunCreatesNothingAndKeepsTwelve()
    {
        await ImportDemoFileAsync();

        var summary = await ImportDemoFileAsync();

        Assert.Equal(0, summary.Created);
        Assert.Equal(12, summary.Updated + summary.Unchanged);
        Assert.Equal(12, (await Storage.Profiles().ListAsync("default", default)).Count);
    }

    [Fact]
    public async Task ImportAsync_FileWithBadLines_ImportsGoodLinesAndReportsLineNumbers()
    {
        const string file = """
            {"id":"29:1ana","name":"Ana","skills":[{"tag":"hiv","level":4}]}
            {"id":"29:1bad","name":"Bad","skills":[{"tag":"hiv","level":9}]}
            not json at all

            {"id":"29:1ben","name":"Ben","roles":["wizard"]}
            {"id":"29:1eve","name":"Eve","email":"eve@example.org"}
            """;

        var summary = await new ProfileImporter(Storage.Profiles()).ImportAsync(new StringReader(file));

        Assert.Equal(2, summary.Created);
        Assert.Equal([2, 3, 5], summary.Errors.Select(e => e.LineNumber));
        Assert.NotNull(await Storage.Profiles().FindByEmailAsync("default", "eve@example.org", default));
    }

    private async Task<ImportSummary> ImportDemoFileAsync()
    {
        using var reader = File.OpenText(DemoFile);
        return await new ProfileImporter(Storage.Profiles()).ImportAsync(reader);
    }
}

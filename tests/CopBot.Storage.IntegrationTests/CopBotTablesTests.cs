using Azure.Data.Tables;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests;

[Collection(AzuriteFixture.Collection)]
public class CopBotTablesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EnsureCreatedAsync_CalledTwice_CreatesEveryTableOnce()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var prefix = "Tables" + Guid.NewGuid().ToString("N")[..8];
        var tables = new CopBotTables(service, new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix });

        await tables.EnsureCreatedAsync(default);
        await tables.EnsureCreatedAsync(default);

        var names = new List<string>();
        await foreach (var table in service.QueryAsync(t => t.Name.CompareTo(prefix) >= 0 && t.Name.CompareTo(prefix + "~") < 0))
        {
            names.Add(table.Name);
        }

        Assert.Equal(
            new[] { "CommunityChannels", "Consultations", "ContributionCredits", "Contributions", "Conversations", "Digests", "Discussions", "DuplicateOffers", "Inbox", "Knowledge", "KnowledgeGaps", "Members", "OpenConsultations", "OpenDiscussions", "OpenQueries", "OpenWorkingGroups",
                "ProcessedActivities", "ProfileHistory", "Profiles", "Queries", "RequestThreads", "RoutingFeedback", "Syntheses", "WorkingGroups" }.Select(n => prefix + n),
            names.Order(StringComparer.Ordinal));
        foreach (var table in tables.All)
        {
            await table.DeleteAsync();
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("1CopBot")]
    [InlineData("Cop-Bot")]
    [InlineData("ThisPrefixIsFarTooLongForTableNamesOnceSuffixed")]
    public void Constructor_InvalidPrefix_ThrowsNamingThePrefix(string prefix)
    {
        var options = new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix };

        var error = Assert.Throws<ArgumentException>(() => new CopBotTables(new TableServiceClient(azurite.ConnectionString), options));

        Assert.Contains("TablePrefix", error.Message, StringComparison.Ordinal);
    }
}

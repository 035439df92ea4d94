using CopBot.Community;
using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Knowledge;

[Collection(AzuriteFixture.Collection)]
public class TableKnowledgeBaseTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset At = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static KnowledgeEntry Entry(string sourceId, string title, string text, string community = "default", KnowledgeKind kind = KnowledgeKind.AnsweredQuery) =>
        new(community, kind, sourceId, title, text, ["cash-transfers"],
            [new("29:1ana/x#y", "Ana Souza"), new("29:1tomas", "Tomás")],
            new KnowledgeThread("msteams", "19:abc@thread.tacv2;messageid=1700", "1700", "tenant-1", new Uri("https://teams.microsoft.com/l/message/19%3Aabc/1700")),
            At);

    [Fact]
    public async Task AddAsync_ThenGet_RoundTripsEveryField()
    {
        var knowledge = Storage.Knowledge();
        var entry = Entry("q-1/a#b?c", "How do we target cash transfers?", "Use social registries.");

        var (stored, created) = await knowledge.AddAsync(entry, default);
        var read = await knowledge.GetAsync("default", entry.Id, default);

        Assert.True(created);
        Assert.Equal("AnsweredQuery:q-1/a#b?c", stored.Id);
        Assert.NotNull(read);
        Assert.Equal((entry.Title, entry.Text, entry.Kind, entry.PublishedAt, entry.Thread), (read.Title, read.Text, read.Kind, read.PublishedAt, read.Thread));
        Assert.Equal(entry.Topics, read.Topics);
        Assert.Equal(entry.Contributors, read.Contributors);
    }

    [Fact]
    public async Task AddAsync_SameSourceTwice_KeepsTheFirstAndReportsNotCreated()
    {
        var knowledge = Storage.Knowledge();
        await knowledge.AddAsync(Entry("q-1", "First title", "first"), default);

        var (stored, created) = await knowledge.AddAsync(Entry("q-1", "Retried title", "retried"), default);

        Assert.False(created);
        Assert.Equal("First title", stored.Title);
        Assert.Single(await knowledge.ListAsync("default", default));
        Assert.Equal("First title", Assert.Single(await knowledge.SearchAsync("default", "title", 5, default)).Entry.Title);
    }

    [Fact]
    public async Task AddAsync_SameSourceDifferentKind_AreTwoEntries()
    {
        var knowledge = Storage.Knowledge();

        await knowledge.AddAsync(Entry("q-1", "Cash transfers", "answers"), default);
        await knowledge.AddAsync(Entry("q-1", "Cash transfers: consolidated reply", "synthesis", kind: KnowledgeKind.Synthesis), default);

        Assert.Equal(2, (await knowledge.ListAsync("default", default)).Count);
    }

    [Fact]
    public async Task AddAsync_InvalidEntry_ThrowsAndStoresNothing()
    {
        var knowledge = Storage.Knowledge();

        await Assert.ThrowsAsync<ArgumentException>(() => knowledge.AddAsync(Entry("q-1", " ", "text"), default));

        Assert.Empty(await knowledge.ListAsync("default", default));
    }

    [Fact]
    public async Task AddAsync_LargeText_IsSplitOverColumnsAndReadBack()
    {
        var knowledge = Storage.Knowledge();
        var text = string.Concat(Enumerable.Repeat("Cash transfers reach informal workers through registries. ", 3000));

        await knowledge.AddAsync(Entry("syn-1", "Consolidated reply", text, kind: KnowledgeKind.Synthesis), default);

        Assert.Equal(text, (await knowledge.GetAsync("default", KnowledgeEntry.IdFor(KnowledgeKind.Synthesis, "syn-1"), default))!.Text);
    }

    [Fact]
    public async Task ListAsync_OtherCommunities_AreSeparate()
    {
        var knowledge = Storage.Knowledge();
        await knowledge.AddAsync(Entry("q-1", "Cash", "a"), default);
        await knowledge.AddAsync(Entry("q-2", "Fire", "b", community: "team/#2"), default);

        Assert.Equal("q-1", Assert.Single(await knowledge.ListAsync("default", default)).SourceId);
        Assert.Equal("q-2", Assert.Single(await knowledge.ListAsync("team/#2", default)).SourceId);
        Assert.Empty(await knowledge.SearchAsync("default", "fire", 5, default));
    }

    [Fact]
    public async Task SearchAsync_EntriesWrittenByAnotherInstance_FoundAtFirstSearchAndAfterRefresh()
    {
        var writer = Storage.Knowledge();
        var reader = Storage.Knowledge();
        await writer.AddAsync(Entry("q-1", "Prescribed burning with village fire brigades", "Burn early in the dry season."), default);

        Assert.Equal("q-1", Assert.Single(await reader.SearchAsync("default", "fire brigades", 5, default)).Entry.SourceId);

        await writer.AddAsync(Entry("q-2", "Fire breaks around villages", "Clear a strip before the dry season."), default);
        Assert.Single(await reader.SearchAsync("default", "fire", 5, default));

        await reader.RefreshAsync("default", default);
        Assert.Equal(2, (await reader.SearchAsync("default", "fire", 5, default)).Count);
    }

    [Fact]
    public async Task SearchAsync_AddedOnThisInstance_SearchableAtOnce()
    {
        var knowledge = Storage.Knowledge();
        Assert.Empty(await knowledge.SearchAsync("default", "nutrition", 5, default));

        await knowledge.AddAsync(Entry("q-3", "Which indicators for a nutrition programme?", "Stunting and wasting."), default);

        var hit = Assert.Single(await knowledge.SearchAsync("default", "nutrition programme indicators", 5, default));
        Assert.Equal("q-3", hit.Entry.SourceId);
        Assert.True(hit.Similarity > 0.5, $"similarity {hit.Similarity}");
    }
}

using CopBot.Community;
using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Feedback;

[Collection(AzuriteFixture.Collection)]
public class TableRoutingFeedbackStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    [Fact]
    public async Task AddAsync_SamePairConcurrently_DeltasSumWithoutLostUpdates()
    {
        var store = Storage.Feedback();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            store.AddAsync("default", [new RoutingFeedback("29:1tomas", "cash-transfers", -1)], default)));
        await store.AddAsync("default", [new RoutingFeedback("29:1tomas", "targeting", 0.5)], default);

        var all = await store.ListAsync("default", default);
        Assert.Equal(-6, all.Single(f => f.Tag == "cash-transfers").Delta);
        Assert.Equal(0.5, all.Single(f => f.Tag == "targeting").Delta);
        Assert.Empty(await store.ListAsync("other", default));
    }

    [Fact]
    public async Task AddAsync_HostileIdsAndTags_RoundTrip()
    {
        var store = Storage.Feedback();

        await store.AddAsync("team/#1", [new RoutingFeedback("29:1a/b#c?d", "c#|f#", -1)], default);

        var stored = Assert.Single(await store.ListAsync("team/#1", default));
        Assert.Equal(("29:1a/b#c?d", "c#|f#"), (stored.ExpertId, stored.Tag));
    }
}

using CopBot.Community;
using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Knowledge;

[Collection(AzuriteFixture.Collection)]
public class TableDuplicateOfferStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static DuplicateOffer Offer(string id) => new(
        "default", id,
        new QueryAsk(new QueryPlace("msteams", "https://smba.example/", "19:a@thread.tacv2;messageid=1", "t", "28:bot", "CopBot", "1"),
            "29:1asker/#?", "Ada", "How do we target cash transfers?", ["cash-transfers"], IsUrgent: true),
        ["AnsweredQuery:q-1", "Synthesis:s-2"],
        new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task CreateAsync_Twice_KeepsTheFirstAndRoundTrips()
    {
        var store = Storage.DuplicateOffers();

        var (_, created) = await store.CreateAsync(Offer("q-1/#"), default);
        var (again, createdAgain) = await store.CreateAsync(Offer("q-1/#") with { EntryIds = ["other"] }, default);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(["AnsweredQuery:q-1", "Synthesis:s-2"], again.EntryIds);
        Assert.Equal(Offer("q-1/#").Ask.Place, again.Ask.Place);
        Assert.Equal(("29:1asker/#?", true), (again.Ask.AskerId, again.Ask.IsUrgent));
        Assert.Single(await store.ListAsync("default", default));
    }

    [Fact]
    public async Task UpdateAsync_ConcurrentSettles_OnlyOneWinsAndNothingIsLost()
    {
        var store = Storage.DuplicateOffers();
        await store.CreateAsync(Offer("q-2"), default);

        var results = await Task.WhenAll(
            store.UpdateAsync("default", "q-2", o => o.State == DuplicateOfferState.Pending ? o with { State = DuplicateOfferState.Accepted } : null, default),
            store.UpdateAsync("default", "q-2", o => o.State == DuplicateOfferState.Pending ? o with { State = DuplicateOfferState.Rejected } : null, default),
            store.UpdateAsync("default", "q-2", o => o with { CardActivityId = "card-1" }, default));

        var stored = (await store.GetAsync("default", "q-2", default))!;
        Assert.NotEqual(DuplicateOfferState.Pending, stored.State);
        Assert.Equal("card-1", stored.CardActivityId);
        Assert.Equal(stored.State, results[0]!.State);
        Assert.Equal(stored.State, results[1]!.State);
    }

    [Fact]
    public async Task UpdateAsync_Missing_ReturnsNull() =>
        Assert.Null(await Storage.DuplicateOffers().UpdateAsync("default", "nope", o => o, default));
}

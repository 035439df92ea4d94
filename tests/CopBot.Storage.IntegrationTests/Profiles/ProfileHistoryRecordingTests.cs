using CopBot.Community;
using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Profiles;

/// <summary>
/// Answers given through the bot written into the profile history on Azurite: the ETag read-modify-write of
/// <see cref="IProfileStore.UpdateAsync"/> with the rules of <see cref="ProfileHistory"/>.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public class ProfileHistoryRecordingTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset March = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task UpdateAsync_RecordSameKeyTwice_OneStoredItemWithItsKeyAndTheSecondWritesNothing()
    {
        var store = Storage.Profiles();
        await store.UpsertAsync(Ana(), default);
        var item = Answer("query:q1");

        var first = await store.UpdateAsync("default", Ana().Id, p => ProfileHistory.Record(p!, item), default);
        var rowsAfterFirst = await TestStorage.RawRowsAsync(Storage.Tables.ProfileHistory);
        var second = await store.UpdateAsync("default", Ana().Id, p => ProfileHistory.Record(p!, item), default);

        Assert.NotNull(first);
        Assert.Null(second);
        var stored = await store.GetAsync("default", Ana().Id, default);
        Assert.Equal([.. Ana().History, item], stored!.History);
        Assert.Equal("query:q1", stored.History[^1].Key);
        var rowsAfterSecond = await TestStorage.RawRowsAsync(Storage.Tables.ProfileHistory);
        Assert.Equal(rowsAfterFirst.Select(r => (r.RowKey, r.ETag)), rowsAfterSecond.Select(r => (r.RowKey, r.ETag)));
        Assert.Equal(3, rowsAfterSecond.Count);
    }

    [Fact]
    public async Task UpdateAsync_TwoAnswersRecordedAtOnce_BothLandThroughTheETagRetry()
    {
        var store = Storage.Profiles();
        await store.UpsertAsync(Ana(), default);
        var keys = Enumerable.Range(1, 4).Select(i => $"query:q{i}").ToList();

        await Task.WhenAll(keys.Select(key => Task.Run(() =>
            Storage.Profiles().UpdateAsync("default", Ana().Id, p => ProfileHistory.Record(p!, Answer(key)), default))));

        var stored = await store.GetAsync("default", Ana().Id, default);
        Assert.Equal(keys, stored!.History.Where(h => h.Key is not null).Select(h => h.Key).Order(StringComparer.Ordinal));
        Assert.Equal(stored.History.Count, (await TestStorage.RawRowsAsync(Storage.Tables.ProfileHistory)).Count);
    }

    [Fact]
    public async Task UpsertAsync_ReImportAfterAnAnswer_KeepsTheAnswerAndAnUnchangedFileWritesNothing()
    {
        var store = Storage.Profiles();
        await store.UpsertAsync(Ana(), default);
        await store.UpdateAsync("default", Ana().Id, p => ProfileHistory.Record(p!, Answer("query:q1")), default);

        Assert.Equal(UpsertOutcome.Unchanged, await store.UpsertAsync(Ana(), default));
        Assert.Equal(UpsertOutcome.Updated, await store.UpsertAsync(Ana() with { Bio = "Moved to Kampala." }, default));
        Assert.Equal(
            UpsertOutcome.Updated,
            Assert.Single(await store.UpsertManyAsync([Ana() with { Bio = "Moved to Kampala.", History = [new AnsweredQuestion("Re-imported", null, [], March)] }], default)));

        var stored = await store.GetAsync("default", Ana().Id, default);
        Assert.Equal(["Re-imported", "How do we pay pastoralists who migrate?"], stored!.History.Select(h => h.Title));
        Assert.Equal("Moved to Kampala.", stored.Bio);
    }

    [Fact]
    public async Task UpdateAsync_NoProfile_ChangeSeesNullAndCreatesOne()
    {
        var store = Storage.Profiles();
        var created = await store.UpdateAsync("default", "29:1newcomer", p => p is null
            ? new ExpertProfile("default", "29:1newcomer", "Newcomer", [], [CommunityRole.Member]) { History = [Answer("discussion:d1")] }
            : null, default);

        Assert.NotNull(created);
        Assert.Equal(created, await store.GetAsync("default", "29:1newcomer", default));
        Assert.NotNull(created.JoinedAt);
    }

    [Fact]
    public async Task UpdateAsync_ChangeReturnsAnotherProfileId_RefusedAndNothingWritten()
    {
        var store = Storage.Profiles();
        await store.UpsertAsync(Ana(), default);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.UpdateAsync("default", Ana().Id, p => p! with { Id = "29:1someone-else" }, default));

        Assert.Null(await store.GetAsync("default", "29:1someone-else", default));
    }

    private static AnsweredQuestion Answer(string key) =>
        ProfileHistory.Item(key, "How do we pay pastoralists who migrate?", "Register them at water points.", ["cash transfers"], March);

    private static ExpertProfile Ana() => new("default", "29:1ana", "Ana Costa", [new Skill("cash transfers", 5)], [CommunityRole.Expert])
    {
        History =
        [
            new AnsweredQuestion("How to target?", "Use the social registry.", ["targeting"], March.AddDays(-30)),
            new AnsweredQuestion("Mobile money?", null, ["cash transfers", "mobile money"], null),
        ],
    };
}

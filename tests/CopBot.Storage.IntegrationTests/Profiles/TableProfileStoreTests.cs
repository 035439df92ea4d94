using CopBot.Community;
using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Profiles;

[Collection(AzuriteFixture.Collection)]
public class TableProfileStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset March = new(2024, 3, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task UpsertAsync_NewProfile_CreatedAndGetReturnsEqualProfile()
    {
        var store = Storage.Profiles();

        Assert.Equal(UpsertOutcome.Created, await store.UpsertAsync(Ana(), default));

        Assert.Equal(Ana(), await store.GetAsync("default", Ana().Id, default));
    }

    [Fact]
    public async Task UpsertAsync_SameProfileAgain_UnchangedAndNothingWritten()
    {
        var store = Storage.Profiles();
        await store.UpsertAsync(Ana(), default);
        var before = await TestStorage.RawRowsAsync(Storage.Tables.Profiles);

        Assert.Equal(UpsertOutcome.Unchanged, await store.UpsertAsync(Ana(), default));

        var after = await TestStorage.RawRowsAsync(Storage.Tables.Profiles);
        Assert.Equal(before.Select(r => r.ETag), after.Select(r => r.ETag));
    }

    [Fact]
    public async Task UpsertAsync_ShorterHistory_ReplacesHistoryAndRemovesOldRows()
    {
        var store = Storage.Profiles();
        await store.UpsertAsync(Ana(), default);
        var changed = Ana() with { History = [new AnsweredQuestion("Only one now", null, ["hiv"], null)] };

        Assert.Equal(UpsertOutcome.Updated, await store.UpsertAsync(changed, default));

        Assert.Equal(changed, await store.GetAsync("default", Ana().Id, default));
        Assert.Single(await TestStorage.RawRowsAsync(Storage.Tables.ProfileHistory));
    }

    [Fact]
    public async Task UpsertAsync_ChangeOutsideHistory_KeepsHistoryRowsUntouched()
    {
        var store = Storage.Profiles();
        await store.UpsertAsync(Ana(), default);
        var historyBefore = await TestStorage.RawRowsAsync(Storage.Tables.ProfileHistory);

        await store.UpsertAsync(Ana() with { Bio = "Now at UNICEF." }, default);

        var historyAfter = await TestStorage.RawRowsAsync(Storage.Tables.ProfileHistory);
        Assert.Equal(historyBefore.Select(r => (r.RowKey, r.ETag)), historyAfter.Select(r => (r.RowKey, r.ETag)));
    }

    [Fact]
    public async Task UpsertAsync_HistoryOfMoreThanOneBatch_RoundTripsInOrder()
    {
        var store = Storage.Profiles();
        var profile = Ana() with
        {
            History = [.. Enumerable.Range(0, 150).Select(i => new AnsweredQuestion($"Question {i}", new string('x', 500), ["cash transfers"], March.AddDays(i)))],
        };

        await store.UpsertAsync(profile, default);

        Assert.Equal(profile, await store.GetAsync("default", profile.Id, default));
    }

    [Fact]
    public async Task GetAsync_UnknownProfile_ReturnsNull() =>
        Assert.Null(await Storage.Profiles().GetAsync("default", "nobody", default));

    [Fact]
    public async Task ListAsync_TwoCommunitiesWithSimilarNames_ReturnsOnlyTheAskedCommunityWithHistories()
    {
        var store = Storage.Profiles();
        var ben = Ana() with { Id = "29:1ben", Name = "Ben", History = [new AnsweredQuestion("Fuel breaks?", null, [], null)] };
        var elsewhere = Ana() with { Community = "default plus" };
        await store.UpsertAsync(Ana(), default);
        await store.UpsertAsync(ben, default);
        await store.UpsertAsync(elsewhere, default);

        var profiles = await store.ListAsync("default", default);

        Assert.Equal([Ana(), ben], profiles);
        Assert.Equal(elsewhere, Assert.Single(await store.ListAsync("default plus", default)));
        Assert.Empty(await store.ListAsync("nobody here", default));
    }

    [Fact]
    public async Task FindByAadObjectIdAsync_AnyCase_FindsProfile()
    {
        var store = Storage.Profiles();
        await store.UpsertAsync(Ana(), default);

        Assert.Equal(Ana(), await store.FindByAadObjectIdAsync("default", Ana().AadObjectId!.ToUpperInvariant(), default));
        Assert.Null(await store.FindByAadObjectIdAsync("other", Ana().AadObjectId!, default));
    }

    [Fact]
    public async Task FindByEmailAsync_AfterEmailChange_FindsByNewEmailOnly()
    {
        var store = Storage.Profiles();
        await store.UpsertAsync(Ana(), default);

        await store.UpsertAsync(Ana() with { Email = "ana.costa@unicef.example.org" }, default);

        Assert.Null(await store.FindByEmailAsync("default", "ana@wfp.example.org", default));
        Assert.Equal("29:1ana", (await store.FindByEmailAsync("default", "ANA.COSTA@unicef.example.org", default))?.Id);
    }

    [Fact]
    public async Task FindByEmailAsync_TwoProfilesShareAnEmail_BothLookupsSurviveAnUpdateOfOne()
    {
        var store = Storage.Profiles();
        var twin = Ana() with { Id = "29:1twin", AadObjectId = null };
        await store.UpsertAsync(Ana(), default);
        await store.UpsertAsync(twin, default);

        await store.UpsertAsync(Ana() with { Email = null }, default);

        Assert.Equal(twin, await store.FindByEmailAsync("default", "ana@wfp.example.org", default));
    }

    [Fact]
    public async Task UpsertAsync_FiveConcurrentVersions_OneWinsWholeWithItsOwnHistory()
    {
        var store = Storage.Profiles();
        await store.UpsertAsync(Ana(), default);
        var versions = Enumerable.Range(1, 5).Select(i => Ana() with
        {
            Name = $"Ana v{i}",
            History = [.. Enumerable.Range(0, i).Select(n => new AnsweredQuestion($"v{i} question {n}", null, [], null))],
        }).ToList();

        var outcomes = await Task.WhenAll(versions.Select(v => Task.Run(() => store.UpsertAsync(v, default))));

        Assert.All(outcomes, o => Assert.Equal(UpsertOutcome.Updated, o));
        var stored = await store.GetAsync("default", Ana().Id, default);
        Assert.Contains(stored, versions);
        Assert.Equal(stored!.History.Count, (await TestStorage.RawRowsAsync(Storage.Tables.ProfileHistory)).Count);
        Assert.True(Storage.Logger.Count(3001) > 0, "the race should have produced at least one ETag conflict");
    }

    private static ExpertProfile Ana() => new(
        "default", "29:1ana", "Ana Costa", [new Skill("cash transfers", 5), new Skill("targeting", 3)],
        [CommunityRole.Expert, CommunityRole.Facilitator], 4)
    {
        AadObjectId = "0d3b6a7e-5f1c-4a2b-9c8d-7e6f5a4b3c2d",
        Email = "ana@wfp.example.org",
        Bio = "Cash transfer specialist.\nTen years in East Africa.",
        Languages = ["en", "pt"],
        Location = "Nairobi",
        Organization = "WFP",
        BusyUntil = March.AddDays(14),
        History =
        [
            new AnsweredQuestion("How to target?", "Use the social registry.", ["targeting"], March),
            new AnsweredQuestion("Mobile money?", null, ["cash transfers", "mobile money"], null),
        ],
    };
}

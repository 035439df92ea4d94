using CopBot.Community;
using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Profiles;

/// <summary>Bulk upserts: profile rows in transactions of at most 100 entities, one partition each, on Azurite.</summary>
[Collection(AzuriteFixture.Collection)]
public class ProfileBatchWriteTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset May = new(2024, 5, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task UpsertManyAsync_250Profiles_AllCreatedListedEqualAndFoundByLookups()
    {
        var store = Storage.Profiles();
        var profiles = Enumerable.Range(0, 250).Select(Member).ToList();

        var outcomes = await store.UpsertManyAsync(profiles, default);

        Assert.All(outcomes, o => Assert.Equal(UpsertOutcome.Created, o));
        Assert.Equal(profiles.OrderBy(p => p.Id, StringComparer.Ordinal), await store.ListAsync("default", default));
        Assert.Equal(Member(117), await store.FindByEmailAsync("default", "MEMBER117@example.org", default));
        Assert.Equal(Member(42), await store.FindByAadObjectIdAsync("default", Member(42).AadObjectId!, default));
    }

    [Fact]
    public async Task UpsertManyAsync_AgainWithSomeChanged_OnlyChangedWrittenAndOldHistoriesRemoved()
    {
        var store = Storage.Profiles();
        var profiles = Enumerable.Range(0, 120).Select(Member).ToList();
        await store.UpsertManyAsync(profiles, default);
        var historyRows = (await TestStorage.RawRowsAsync(Storage.Tables.ProfileHistory)).Count;
        var before = (await TestStorage.RawRowsAsync(Storage.Tables.Profiles)).ToDictionary(r => r.RowKey, r => r.ETag);
        profiles[4] = profiles[4] with { History = [new AnsweredQuestion("Replaced", null, ["new"], May)] };
        profiles[90] = profiles[90] with { Email = null, Bio = "Moved on." };

        var outcomes = await store.UpsertManyAsync(profiles, default);

        Assert.Equal([4, 90], outcomes.Select((o, i) => (o, i)).Where(p => p.o == UpsertOutcome.Updated).Select(p => p.i));
        Assert.Equal(118, outcomes.Count(o => o == UpsertOutcome.Unchanged));
        Assert.Equal(profiles.OrderBy(p => p.Id, StringComparer.Ordinal), await store.ListAsync("default", default));
        Assert.Null(await store.FindByEmailAsync("default", "member90@example.org", default));
        // Member 4 had two history rows and now has one; nothing else changed.
        Assert.Equal(historyRows - 1, (await TestStorage.RawRowsAsync(Storage.Tables.ProfileHistory)).Count);
        var after = (await TestStorage.RawRowsAsync(Storage.Tables.Profiles)).ToDictionary(r => r.RowKey, r => r.ETag);
        // Only the two changed profiles' rows (profile row and lookups) were rewritten.
        var rewritten = before.Where(b => after.TryGetValue(b.Key, out var etag) && etag != b.Value).Select(b => b.Key).ToList();
        Assert.NotEmpty(rewritten);
        Assert.All(rewritten, key => Assert.True(key.EndsWith("member004", StringComparison.Ordinal) || key.EndsWith("member090", StringComparison.Ordinal), key));
    }

    [Fact]
    public async Task UpsertManyAsync_OneValueTooLong_ThrowsAndWritesNothing()
    {
        var store = Storage.Profiles();
        var profiles = Enumerable.Range(0, 5).Select(Member).ToList();
        profiles[4] = profiles[4] with { History = [new AnsweredQuestion("Huge", new string('x', 40_000), ["t"], May)] };

        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertManyAsync(profiles, default));

        Assert.Empty(await store.ListAsync("default", default));
        Assert.Empty(await TestStorage.RawRowsAsync(Storage.Tables.ProfileHistory));
    }

    [Fact]
    public async Task UpsertManyAsync_SameIdTwice_Refused()
    {
        var store = Storage.Profiles();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertManyAsync([Member(1), Member(1)], default));

        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ListAsync("default", default));
    }

    private static ExpertProfile Member(int i) =>
        new("default", $"member{i:000}", $"Member {i}", [new Skill("topic" + (i % 7), 1 + (i % 5))], [CommunityRole.Expert])
        {
            Email = $"member{i}@example.org",
            AadObjectId = i % 2 == 0 ? $"00000000-0000-0000-0000-{i:000000000000}" : null,
            History =
            [
                new AnsweredQuestion($"Question {i}", $"Body of answer {i}", ["topic" + (i % 7)], May.AddDays(-i)),
                .. i % 3 == 0 ? [] : new[] { new AnsweredQuestion($"Second {i}", null, ["other"], null) },
            ],
        };
}

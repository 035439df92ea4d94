using CopBot.Community;
using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Digest;

[Collection(AzuriteFixture.Collection)]
public class DigestStoresTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset At = new(2026, 3, 9, 9, 5, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private static CommunityChannel Channel(string conversation) =>
        new("a/b#c?", "msteams", "https://smba.example/emea/", conversation, "tenant", "Data Practice", "28:bot", "CopBot", At);

    [Fact]
    public async Task RecordIfAbsent_SecondChannel_FirstOneKept()
    {
        var store = Storage.CommunityChannels();

        var first = await store.RecordIfAbsentAsync(Channel("19:first@thread.tacv2"), default);
        var second = await store.RecordIfAbsentAsync(Channel("19:second@thread.tacv2"), default);

        Assert.Equal("19:first@thread.tacv2", first.ConversationId);
        Assert.Equal(first, second);
        Assert.Equal(first, await store.GetAsync("a/b#c?", default));
        Assert.Null(await store.GetAsync("other", default));
    }

    [Fact]
    public async Task TryClaim_ConcurrentInstances_ExactlyOneWins()
    {
        var log = Storage.Digests();

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => log.TryClaimAsync("default", "2026-03-09T09:00Z", At, Lease, default)));

        Assert.Single(claims, c => c is not null);
        Assert.Equal(DigestOutcome.Claimed, await log.GetAsync("default", "2026-03-09T09:00Z", default));
    }

    [Fact]
    public async Task TryClaim_FinishedPeriod_NeverClaimedAgain()
    {
        var log = Storage.Digests();
        var claim = await log.TryClaimAsync("default", "2026-03-09T09:00Z", At, Lease, default);

        Assert.NotNull(claim);
        Assert.True(await log.FinishAsync("default", "2026-03-09T09:00Z", DigestOutcome.Posted, "activity-1", At, default));

        Assert.Null(await log.TryClaimAsync("default", "2026-03-09T09:00Z", At.AddDays(1), Lease, default));
        Assert.Equal(DigestOutcome.Posted, await log.GetAsync("default", "2026-03-09T09:00Z", default));
        Assert.NotNull(await log.TryClaimAsync("default", "2026-03-16T09:00Z", At.AddDays(7), Lease, default));
    }

    [Fact]
    public async Task TryClaim_UnfinishedClaim_TakenOverOnlyAfterItsLease()
    {
        var log = Storage.Digests();
        Assert.NotNull(await log.TryClaimAsync("default", "2026-03-09T09:00Z", At, Lease, default));

        Assert.Null(await log.TryClaimAsync("default", "2026-03-09T09:00Z", At.AddMinutes(9), Lease, default));
        var takeovers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => log.TryClaimAsync("default", "2026-03-09T09:00Z", At.AddMinutes(11), Lease, default)));

        Assert.Single(takeovers, c => c is not null);
        Assert.Equal(DigestOutcome.Claimed, await log.GetAsync("default", "2026-03-09T09:00Z", default));
    }

    [Fact]
    public async Task Finish_WithOrWithoutAClaim_FirstOutcomeKeptAndNeverClaimedAgain()
    {
        var log = Storage.Digests();

        // The send may finish before its check wrote the claim: recorded without one, and the late claim refused.
        var finishes = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => log.FinishAsync("default", "2026-03-09T09:00Z", DigestOutcome.Posted, $"activity-{i}", At, default)));
        Assert.Single(finishes, f => f);
        Assert.Null(await log.TryClaimAsync("default", "2026-03-09T09:00Z", At, Lease, default));
        Assert.False(await log.FinishAsync("default", "2026-03-09T09:00Z", DigestOutcome.Quiet, null, At.AddMinutes(1), default));
        Assert.Equal(DigestOutcome.Posted, await log.GetAsync("default", "2026-03-09T09:00Z", default));

        // A claimed period: the outcome replaces the claim.
        Assert.NotNull(await log.TryClaimAsync("default", "2026-03-16T09:00Z", At.AddDays(7), Lease, default));
        Assert.True(await log.FinishAsync("default", "2026-03-16T09:00Z", DigestOutcome.Quiet, null, At.AddDays(7), default));
        Assert.Equal(DigestOutcome.Quiet, await log.GetAsync("default", "2026-03-16T09:00Z", default));
    }

    [Fact]
    public async Task Profiles_JoiningDate_SetOnCreateKeptOnUpdateAndReimport()
    {
        var store = Storage.Profiles();
        var profile = new ExpertProfile("default", "p/1", "Ana", [new Skill("fire", 3)], []);

        await store.UpsertAsync(profile, default);
        Storage.Time.Advance(TimeSpan.FromDays(3));
        await store.UpsertAsync(profile with { Name = "Ana María" }, default);
        await store.UpsertManyAsync([profile with { Name = "Ana M." }, new ExpertProfile("default", "p/2", "Ben", [], [])], default);

        var stored = await store.ListAsync("default", default);
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero), stored.Single(p => p.Id == "p/1").JoinedAt);
        Assert.Equal("Ana M.", stored.Single(p => p.Id == "p/1").Name);
        Assert.Equal(Storage.Time.GetUtcNow(), stored.Single(p => p.Id == "p/2").JoinedAt);
    }
}

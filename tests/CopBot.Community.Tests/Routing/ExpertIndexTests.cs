using CopBot.Community;
using CopBot.Community.Tests.TestDoubles;
using static CopBot.Community.Tests.Routing.Communities;

namespace CopBot.Community.Tests.Routing;

public class ExpertIndexTests
{
    [Fact]
    public async Task BuildAsync_Store_IndexesThatCommunityOnly()
    {
        var store = new InMemoryProfileStore();
        await store.UpsertAsync(Expert("a", skills: [new Skill("hops", 3)]), CancellationToken.None);
        await store.UpsertAsync(Expert("b", history: [Answered("Lagering temperature?", "lager")]), CancellationToken.None);
        await store.UpsertAsync(Expert("a") with { Community = "other" }, CancellationToken.None);

        var index = await ExpertIndex.BuildAsync(store, Name);

        Assert.Equal(2, index.Count);
        Assert.Equal(["hops", "lager"], index.Vocabulary.Order());
    }

    [Fact]
    public void WithProfiles_ChangedProfile_ReplacesItAndLeavesOldSnapshotIntact()
    {
        var before = ExpertIndex.Build(Name, [Expert("a", skills: [new Skill("hops", 3)])]);

        var after = before.WithProfiles([Expert("a", skills: [new Skill("yeast", 3)]), Expert("b")]);

        Assert.Equal(["hops"], before.Vocabulary);
        Assert.Equal(["yeast"], after.Vocabulary);
        Assert.Equal(2, after.Count);
        Assert.Equal("yeast", after.Find("a")!.Skills[0].Tag);
    }

    [Fact]
    public void WithProfiles_OtherCommunity_IsIgnored()
    {
        var index = ExpertIndex.Empty(Name).WithProfiles([Expert("a") with { Community = "other" }]);

        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void WithoutProfiles_Id_RemovesExpert()
    {
        var index = Brewers().WithoutProfiles(["generalist"]);

        Assert.Null(index.Find("generalist"));
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public async Task RefreshAsync_StoreChanged_SwapsInNewSnapshotWithoutDeletedExperts()
    {
        var store = new InMemoryProfileStore();
        await store.UpsertAsync(Expert("a", skills: [new Skill("hops", 3)]), CancellationToken.None);
        var holder = new ExpertIndexHolder(Brewers());

        var refreshed = await holder.RefreshAsync(store);

        Assert.Same(refreshed, holder.Current);
        Assert.Equal(1, holder.Current.Count);
        Assert.NotNull(holder.Current.Find("a"));
    }

    [Fact]
    public async Task RefreshAsync_ProfilesAppliedWhileTheStoreIsRead_KeepsTheAppliedVersions()
    {
        var store = new InMemoryProfileStore();
        await store.UpsertAsync(Expert("a", skills: [new Skill("hops", 3)]), CancellationToken.None);
        await store.UpsertAsync(Expert("c"), CancellationToken.None);
        var holder = new ExpertIndexHolder(ExpertIndex.Empty(Name));
        var slowRead = new TaskCompletionSource();
        store.ListReturnsAfter = slowRead.Task;

        var refresh = holder.RefreshAsync(store);
        // While the refresh waits for its (now stale) listing, a member saves a profile and a newcomer is imported.
        var saved = Expert("a", skills: [new Skill("yeast", 4)]);
        var newcomer = Expert("b", skills: [new Skill("malt", 2)]);
        await store.UpsertAsync(saved, CancellationToken.None);
        await store.UpsertAsync(newcomer, CancellationToken.None);
        holder.Apply([saved, newcomer]);
        slowRead.SetResult();
        var refreshed = await refresh;

        Assert.Same(refreshed, holder.Current);
        Assert.True(holder.IsLoaded);
        Assert.Equal("yeast", refreshed.Find("a")!.Skills.Single().Tag);
        Assert.NotNull(refreshed.Find("b"));
        Assert.NotNull(refreshed.Find("c"));
        Assert.Equal(["malt", "yeast"], refreshed.Vocabulary.Order());

        var next = await holder.RefreshAsync(store);

        Assert.Equal(3, next.Count);
        Assert.Equal("yeast", next.Find("a")!.Skills.Single().Tag);
    }

    [Fact]
    public async Task Current_RefreshedWhileRanking_ReadersAlwaysSeeAWholeSnapshot()
    {
        var small = ExpertIndex.Build(Name, [Expert("a", skills: [new Skill("hops", 3)])]);
        var large = Brewers();
        var smallStore = await StoreOf(small);
        var largeStore = await StoreOf(large);
        var holder = new ExpertIndexHolder(small);
        var ranker = new ExpertRanker(new RoutingOptions());
        var writerDone = 0;

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var seen = new HashSet<int>();
            var reads = 0;
            while (Volatile.Read(ref writerDone) == 0 || reads < 50)
            {
                seen.Add(ranker.Rank(holder.Current, Query("hops?", "hops"), Context(), 10));
                reads++;
            }

            return seen;
        })).ToList();
        await Task.Run(async () =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                await holder.RefreshAsync(i % 2 == 0 ? largeStore : smallStore);
            }

            Volatile.Write(ref writerDone, 1);
        });

        Assert.Equal(small.Profiles.Select(p => p.Id), holder.Current.Profiles.Select(p => p.Id));
        foreach (var reader in readers)
        {
            var seen = await reader;
            Assert.NotEmpty(seen);
            Assert.Subset(new HashSet<int> { 1, 3 }, seen);
        }
    }

    private static async Task<InMemoryProfileStore> StoreOf(ExpertIndex index)
    {
        var store = new InMemoryProfileStore();
        foreach (var profile in index.Profiles)
        {
            await store.UpsertAsync(profile, CancellationToken.None);
        }

        return store;
    }

    [Fact]
    public async Task WithoutProfiles_TagsInternedMeanwhileByASiblingSnapshot_BuildsAWholeSnapshot()
    {
        // Snapshots derived from one another share their grow-only tag table: a refresh building one while an
        // import interns new tags through another must size everything from one reading of it (a restarted bot's
        // refresher and a first refresh once failed here with IndexOutOfRangeException).
        var index = ExpertIndex.Build(Name, [.. Enumerable.Range(0, 200).Select(e => Expert("e" + e, history: Many(10, "topic-" + e)))]);
        var sibling = index.WithoutProfiles(index.Profiles.Select(p => p.Id));
        using var stop = new CancellationTokenSource();
        var interner = Task.Run(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                sibling.WithProfiles([Expert("newcomer", skills: [new Skill($"fresh-{i}", 3)])]);
            }
        });

        try
        {
            for (var round = 0; round < 200; round++)
            {
                var rebuilt = index.WithoutProfiles(["e0"]);

                Assert.Equal(199, rebuilt.Count);
                Assert.Equal(199, rebuilt.Vocabulary.Count());
            }
        }
        finally
        {
            await stop.CancelAsync();
            await interner;
        }
    }

    [Fact]
    public void Apply_ConcurrentAppliers_KeepEveryChange()
    {
        var holder = new ExpertIndexHolder(ExpertIndex.Empty(Name));

        Parallel.For(0, 50, i => holder.Apply([Expert("e" + i)]));

        Assert.Equal(50, holder.Current.Count);
    }
}

internal static class RankerTestExtensions
{
    /// <summary>Ranks and returns how many experts the snapshot offered (a torn snapshot would give another number).</summary>
    public static int Rank(this ExpertRanker ranker, ExpertIndex index, RoutingQuery query, RoutingContext context, int top) =>
        ranker.Rank(index, query with { Top = top }, context).Experts.Count;
}

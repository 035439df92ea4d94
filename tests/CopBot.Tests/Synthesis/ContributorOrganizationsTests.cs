using CopBot.Community;
using CopBot.Features.Synthesis;

namespace CopBot.Tests.Synthesis;

public class ContributorOrganizationsTests
{
    private static ExpertProfile Profile(string id, string? organization) =>
        new(ExpertProfile.DefaultCommunity, id, id, [], []) { Organization = organization };

    [Fact]
    public async Task ReadAsync_ProfilesReadConcurrentlyEachIdOnce_FirstSeenOrderAndNullForMissing()
    {
        var stored = new Dictionary<string, ExpertProfile> { ["29:a"] = Profile("29:a", "FAO"), ["29:c"] = Profile("29:c", null), ["29:d"] = Profile("29:d", "WFP") };
        var reads = new List<string>();
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<ExpertProfile?> Read(string id, CancellationToken ct)
        {
            lock (reads)
            {
                reads.Add(id);
                if (reads.Count == 4)
                {
                    allStarted.SetResult();
                }
            }

            // Completes only once all four reads are in flight together: a one-by-one reader would wait forever.
            await allStarted.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
            return stored.GetValueOrDefault(id);
        }

        var organizations = await ContributorOrganizations.ReadAsync(Read, ["29:d", "29:a", "29:missing", "29:a", "29:c", "29:d"], default);

        Assert.Equal(["29:d", "29:a", "29:missing", "29:c"], organizations.Keys);
        Assert.Equal(["WFP", "FAO", null, null], organizations.Values);
        Assert.Equal(4, reads.Count);
    }

    [Fact]
    public async Task ReadAsync_HundredsOfContributors_AtMostTheBoundInFlight()
    {
        var inFlight = 0;
        var most = 0;
        async Task<ExpertProfile?> Read(string id, CancellationToken ct)
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            await Task.Delay(1, ct);
            Interlocked.Decrement(ref inFlight);
            return Profile(id, "org " + id);
        }

        var ids = Enumerable.Range(0, 300).Select(i => $"29:{i}").ToList();
        var organizations = await ContributorOrganizations.ReadAsync(Read, ids, default);

        Assert.Equal(ids, organizations.Keys);
        Assert.All(ids, id => Assert.Equal("org " + id, organizations[id]));
        Assert.InRange(most, 2, ContributorOrganizations.MaxConcurrentReads);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}

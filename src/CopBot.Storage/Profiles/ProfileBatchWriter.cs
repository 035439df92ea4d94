using Azure;
using Azure.Data.Tables;
using CopBot.Community;

namespace CopBot.Storage;

/// <summary>
/// Bulk upserts for <see cref="TableProfileStore"/>: reads and history writes run concurrently (each history lives in
/// its own partition), then the profile rows with their lookup rows go in transactions of at most 100 entities of
/// the community's partition. A transaction that fails (a concurrent writer moved an ETag) is undone for its new
/// history versions and its profiles are upserted one by one, with the store's usual retry.
/// </summary>
internal sealed class ProfileBatchWriter(CopBotTables tables, ProfileHistoryRows history, TableProfileStore store)
{
    public const int MaxTransaction = 100;
    private const int Parallelism = 16;

    public async Task<IReadOnlyList<UpsertOutcome>> UpsertManyAsync(IReadOnlyList<ExpertProfile> profiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var duplicate = profiles.GroupBy(p => (p.Community, p.Id)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Profile '{duplicate.Key.Id}' appears twice in community '{duplicate.Key.Community}'.", nameof(profiles));
        }

        // Entities are built first: a value the table cannot hold fails the whole call before anything is written.
        foreach (var profile in profiles)
        {
            ProfileRows.ToEntity(profile, null);
            _ = ProfileRows.LookupRows(profile).ToList();
            ProfileHistoryRows.Check(profile);
        }

        var plans = new Plan[profiles.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, profiles.Count, parallel, async (i, ct) =>
        {
            var current = await store.ReadStoredAsync(profiles[i].Community, profiles[i].Id, ct);
            var profile = ProfileHistory.KeepRecorded(profiles[i], current?.Profile);
            if (current?.Profile == profile)
            {
                plans[i] = new Plan(profile, current, null, UpsertOutcome.Unchanged);
                return;
            }

            var version = current is not null && current.Profile.History.SequenceEqual(profile.History)
                ? current.HistoryVersion
                : await history.WriteAsync(profile, ct);
            plans[i] = new Plan(store.Stamped(profile, current), current, version, current is null ? UpsertOutcome.Created : UpsertOutcome.Updated);
        });

        var outcomes = plans.Select(p => p.Outcome).ToArray();
        foreach (var chunk in Transactions(plans.Select((plan, i) => (plan, i)).Where(p => p.plan.Outcome != UpsertOutcome.Unchanged)))
        {
            try
            {
                await tables.Profiles.SubmitTransactionAsync(chunk.SelectMany(p => p.plan.Actions), cancellationToken);
            }
            catch (RequestFailedException)
            {
                foreach (var (plan, i) in chunk)
                {
                    await store.DeleteNewHistoryAsync(plan.Profile, plan.Current, plan.HistoryVersion);
                    outcomes[i] = await store.UpsertAsync(plan.Profile, cancellationToken);
                }

                continue;
            }

            foreach (var (plan, _) in chunk)
            {
                await store.DeleteSupersededHistoryAsync(plan.Profile, plan.Current, plan.HistoryVersion);
            }
        }

        return outcomes;
    }

    // One partition per transaction, at most 100 entities; a profile's rows are never split across transactions.
    private static IEnumerable<List<(Plan plan, int i)>> Transactions(IEnumerable<(Plan plan, int i)> plans)
    {
        foreach (var community in plans.GroupBy(p => p.plan.Profile.Community))
        {
            var chunk = new List<(Plan, int)>();
            var size = 0;
            foreach (var item in community)
            {
                var count = item.plan.Actions.Count;
                if (size + count > MaxTransaction && chunk.Count > 0)
                {
                    yield return chunk;
                    chunk = [];
                    size = 0;
                }

                chunk.Add(item);
                size += count;
            }

            if (chunk.Count > 0)
            {
                yield return chunk;
            }
        }
    }

    private sealed record Plan(ExpertProfile Profile, TableProfileStore.StoredProfile? Current, string? HistoryVersion, UpsertOutcome Outcome)
    {
        public List<TableTransactionAction> Actions { get; } =
            Outcome == UpsertOutcome.Unchanged ? [] : TableProfileStore.ProfileActions(Profile, HistoryVersion, Current);
    }
}

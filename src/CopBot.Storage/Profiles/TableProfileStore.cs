using Azure;
using Azure.Data.Tables;
using CopBot.Community;
using Microsoft.Extensions.Logging;

namespace CopBot.Storage;

/// <summary>
/// Expert profiles on Table Storage (see <see cref="ProfileRows"/> and <see cref="ProfileHistoryRows"/> for the
/// layout). Upserts compare with the stored profile first, so re-importing an unchanged file writes nothing.
/// </summary>
public sealed class TableProfileStore : IProfileStore
{
    private readonly CopBotTables _tables;
    private readonly ProfileHistoryRows _history;
    private readonly ILogger<TableProfileStore> _logger;
    private readonly ProfileBatchWriter _batches;
    private readonly TimeProvider _clock;

    public TableProfileStore(CopBotTables tables, ILogger<TableProfileStore> logger, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        ArgumentNullException.ThrowIfNull(tables);
        _tables = tables;
        _history = new ProfileHistoryRows(tables.ProfileHistory);
        _logger = logger;
        _batches = new ProfileBatchWriter(tables, _history, this);
    }

    public Task<UpsertOutcome> UpsertAsync(ExpertProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return ConcurrencyRetry.RunAsync(ct => UpsertOnceAsync(profile, ct), _logger, "profile", cancellationToken);
    }

    /// <summary>Bulk upsert: profile rows in transactions of at most 100 entities of the community's partition.</summary>
    public Task<IReadOnlyList<UpsertOutcome>> UpsertManyAsync(IReadOnlyList<ExpertProfile> profiles, CancellationToken cancellationToken) =>
        _batches.UpsertManyAsync(profiles, cancellationToken);

    public async Task<ExpertProfile?> GetAsync(string community, string id, CancellationToken cancellationToken)
    {
        var stored = await ReadStoredAsync(community, id, cancellationToken);
        return stored?.Profile;
    }

    public async Task<IReadOnlyList<ExpertProfile>> ListAsync(string community, CancellationToken cancellationToken)
    {
        var (from, to) = ProfileRows.PrefixRange(ProfileRows.ProfileKind);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {ProfileRows.Partition(community)} and RowKey ge {from} and RowKey lt {to}");
        var rows = new List<TableEntity>();
        await foreach (var row in _tables.Profiles.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        // One range scan for all histories instead of one query per profile.
        var histories = await _history.ReadCommunityAsync(community, cancellationToken);
        var profiles = new List<ExpertProfile>(rows.Count);
        foreach (var row in rows)
        {
            profiles.Add(await ToProfileAsync(community, row, histories, cancellationToken));
        }

        return profiles;
    }

    public Task<ExpertProfile?> FindByAadObjectIdAsync(string community, string aadObjectId, CancellationToken cancellationToken) =>
        FindByLookupAsync(community, ProfileRows.AadKind, aadObjectId, cancellationToken);

    public Task<ExpertProfile?> FindByEmailAsync(string community, string email, CancellationToken cancellationToken) =>
        FindByLookupAsync(community, ProfileRows.EmailKind, email, cancellationToken);

    private async Task<ExpertProfile?> FindByLookupAsync(
        string community, string kind, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        var (from, to) = ProfileRows.PrefixRange(kind, value.Trim().ToLowerInvariant());
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {ProfileRows.Partition(community)} and RowKey ge {from} and RowKey lt {to}");
        await foreach (var lookup in _tables.Profiles.QueryAsync<TableEntity>(
            filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            // Several profiles may share an e-mail; the first by id wins, deterministically.
            return await GetAsync(community, KeyEncoder.Split(lookup.RowKey)[2], cancellationToken);
        }

        return null;
    }

    public Task<ExpertProfile?> UpdateAsync(
        string community, string id, Func<ExpertProfile?, ExpertProfile?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return ConcurrencyRetry.RunAsync(
            async ct =>
            {
                var current = await ReadStoredAsync(community, id, ct);
                var changed = change(current?.Profile);
                if (changed is null || changed == current?.Profile)
                {
                    return null;
                }

                if (changed.Community != community || changed.Id != id)
                {
                    throw new ArgumentException($"The change returned profile '{changed.Id}' of '{changed.Community}' for '{id}' of '{community}'.", nameof(change));
                }

                return await WriteAsync(changed, current, ct);
            },
            _logger,
            "profile",
            cancellationToken);
    }

    private async Task<UpsertOutcome> UpsertOnceAsync(ExpertProfile profile, CancellationToken cancellationToken)
    {
        var current = await ReadStoredAsync(profile.Community, profile.Id, cancellationToken);
        profile = ProfileHistory.KeepRecorded(profile, current?.Profile);
        if (current?.Profile == profile)
        {
            return UpsertOutcome.Unchanged;
        }

        await WriteAsync(profile, current, cancellationToken);
        return current is null ? UpsertOutcome.Created : UpsertOutcome.Updated;
    }

    // A changed history goes under a new version first; the profile row switches to it with the ETag read (412 → retry).
    private async Task<ExpertProfile> WriteAsync(ExpertProfile profile, StoredProfile? current, CancellationToken cancellationToken)
    {
        profile = Stamped(profile, current);
        var historyVersion = current is not null && current.Profile.History.SequenceEqual(profile.History)
            ? current.HistoryVersion
            : await _history.WriteAsync(profile, cancellationToken);
        try
        {
            await _tables.Profiles.SubmitTransactionAsync(ProfileActions(profile, historyVersion, current), cancellationToken);
        }
        catch (RequestFailedException) when (historyVersion != current?.HistoryVersion)
        {
            await DeleteHistoryQuietlyAsync(profile, historyVersion);
            throw;
        }

        if (current?.HistoryVersion is { } superseded && superseded != historyVersion)
        {
            await DeleteHistoryQuietlyAsync(profile, superseded);
        }

        return profile;
    }

    /// <summary>The profile with its joining date: kept from the stored row, or now for a new one (unless given).</summary>
    internal ExpertProfile Stamped(ExpertProfile profile, StoredProfile? current) =>
        profile with { JoinedAt = current is null ? profile.JoinedAt ?? _clock.GetUtcNow() : current.Profile.JoinedAt };

    // The profile row (ETag-guarded) and its lookup rows change together or not at all.
    internal static List<TableTransactionAction> ProfileActions(
        ExpertProfile profile, string? historyVersion, StoredProfile? current)
    {
        var entity = ProfileRows.ToEntity(profile, historyVersion);
        List<TableTransactionAction> actions = current is null
            ? [new(TableTransactionActionType.Add, entity)]
            : [new(TableTransactionActionType.UpdateReplace, entity, current.ETag)];
        var wanted = ProfileRows.LookupRows(profile).ToList();
        var stale = current is null
            ? []
            : ProfileRows.LookupRows(current.Profile).Where(old => wanted.All(w => w.RowKey != old.RowKey));
        actions.AddRange(stale.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All)));
        actions.AddRange(wanted.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)));
        return actions;
    }

    internal async Task<StoredProfile?> ReadStoredAsync(string community, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(id);
        var row = await _tables.Profiles.GetEntityIfExistsAsync<TableEntity>(
            ProfileRows.Partition(community), ProfileRows.ProfileRow(id), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        var version = ProfileRows.HistoryVersion(row.Value!);
        var history = await _history.ReadAsync(community, id, version, cancellationToken);
        return new StoredProfile(ProfileRows.ToProfile(row.Value!, history), version, row.Value!.ETag);
    }

    private async Task<ExpertProfile> ToProfileAsync(
        string community,
        TableEntity row,
        Dictionary<(string Id, string Version), List<AnsweredQuestion>> histories,
        CancellationToken cancellationToken)
    {
        var id = KeyEncoder.Split(row.RowKey)[1];
        if (ProfileRows.HistoryVersion(row) is not { } version)
        {
            return ProfileRows.ToProfile(row, []);
        }

        // The scan can miss a history switched by a concurrent upsert after the profile row was read: read it again.
        return histories.TryGetValue((id, version), out var history)
            ? ProfileRows.ToProfile(row, history)
            : await GetAsync(community, id, cancellationToken) ?? ProfileRows.ToProfile(row, []);
    }

    /// <summary>After a failed profile write: the history version written for it is not referenced by anything.</summary>
    internal Task DeleteNewHistoryAsync(ExpertProfile profile, StoredProfile? current, string? version) =>
        version != current?.HistoryVersion ? DeleteHistoryQuietlyAsync(profile, version) : Task.CompletedTask;

    /// <summary>After a successful profile write: the history version it replaced.</summary>
    internal Task DeleteSupersededHistoryAsync(ExpertProfile profile, StoredProfile? current, string? version) =>
        current?.HistoryVersion is { } superseded && superseded != version ? DeleteHistoryQuietlyAsync(profile, superseded) : Task.CompletedTask;

    private async Task DeleteHistoryQuietlyAsync(ExpertProfile profile, string? version)
    {
        if (version is null)
        {
            return;
        }

        try
        {
            // Not cancellable: leaving half a version behind would only waste space, but finishing is cheap.
            await _history.DeleteVersionAsync(profile.Community, profile.Id, version, CancellationToken.None);
        }
        catch (RequestFailedException e)
        {
            Log.HistoryCleanupFailed(_logger, profile.Id, e);
        }
    }

    internal sealed record StoredProfile(ExpertProfile Profile, string? HistoryVersion, ETag ETag);
}

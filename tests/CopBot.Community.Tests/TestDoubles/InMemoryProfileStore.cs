using CopBot.Community;

namespace CopBot.Community.Tests.TestDoubles;

/// <summary>A profile store in a dictionary, for importer tests; the real one is tested against Azurite.</summary>
internal sealed class InMemoryProfileStore : IProfileStore
{
    private readonly Dictionary<(string Community, string Id), ExpertProfile> _profiles = [];

    public int Writes { get; private set; }

    public Func<ExpertProfile, Exception?> FailWith { get; set; } = _ => null;

    public Task<UpsertOutcome> UpsertAsync(ExpertProfile profile, CancellationToken cancellationToken)
    {
        if (FailWith(profile) is { } failure)
        {
            throw failure;
        }

        var key = (profile.Community, profile.Id);
        if (_profiles.TryGetValue(key, out var stored) && stored == profile)
        {
            return Task.FromResult(UpsertOutcome.Unchanged);
        }

        Writes++;
        _profiles[key] = profile;
        return Task.FromResult(stored is null ? UpsertOutcome.Created : UpsertOutcome.Updated);
    }

    public Task<ExpertProfile?> UpdateAsync(
        string community, string id, Func<ExpertProfile?, ExpertProfile?> change, CancellationToken cancellationToken)
    {
        var changed = change(_profiles.GetValueOrDefault((community, id)));
        if (changed is null || changed == _profiles.GetValueOrDefault((community, id)))
        {
            return Task.FromResult<ExpertProfile?>(null);
        }

        Writes++;
        _profiles[(community, id)] = changed;
        return Task.FromResult<ExpertProfile?>(changed);
    }

    public Task<ExpertProfile?> GetAsync(string community, string id, CancellationToken cancellationToken) =>
        Task.FromResult(_profiles.GetValueOrDefault((community, id)));

    /// <summary>A listing is taken at once and returned when this completes: a slow read whose result may be stale by then.</summary>
    public Task ListReturnsAfter { get; set; } = Task.CompletedTask;

    public async Task<IReadOnlyList<ExpertProfile>> ListAsync(string community, CancellationToken cancellationToken)
    {
        IReadOnlyList<ExpertProfile> listed = [.. _profiles.Values.Where(p => p.Community == community)];
        await ListReturnsAfter.WaitAsync(cancellationToken);
        return listed;
    }

    public Task<ExpertProfile?> FindByAadObjectIdAsync(string community, string aadObjectId, CancellationToken cancellationToken) =>
        Task.FromResult(_profiles.Values.FirstOrDefault(p =>
            p.Community == community && string.Equals(p.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase)));

    public Task<ExpertProfile?> FindByEmailAsync(string community, string email, CancellationToken cancellationToken) =>
        Task.FromResult(_profiles.Values.FirstOrDefault(p =>
            p.Community == community && string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase)));
}

using CopBot.Community;

namespace CopBot.Tests.Support;

/// <summary>The real profile store, with the reads that cost storage requests per lookup counted ("id:", "aad:", "list:").</summary>
internal sealed class CountingProfileStore(IProfileStore inner) : IProfileStore
{
    public List<string> Reads { get; } = [];

    public Task<ExpertProfile?> GetAsync(string community, string id, CancellationToken cancellationToken)
    {
        Reads.Add("id:" + id);
        return inner.GetAsync(community, id, cancellationToken);
    }

    public Task<ExpertProfile?> FindByAadObjectIdAsync(string community, string aadObjectId, CancellationToken cancellationToken)
    {
        Reads.Add("aad:" + aadObjectId);
        return inner.FindByAadObjectIdAsync(community, aadObjectId, cancellationToken);
    }

    public Task<IReadOnlyList<ExpertProfile>> ListAsync(string community, CancellationToken cancellationToken)
    {
        Reads.Add("list:" + community);
        return inner.ListAsync(community, cancellationToken);
    }

    public Task<UpsertOutcome> UpsertAsync(ExpertProfile profile, CancellationToken cancellationToken) => inner.UpsertAsync(profile, cancellationToken);

    public Task<ExpertProfile?> UpdateAsync(string community, string id, Func<ExpertProfile?, ExpertProfile?> change, CancellationToken cancellationToken) =>
        inner.UpdateAsync(community, id, change, cancellationToken);

    public Task<ExpertProfile?> FindByEmailAsync(string community, string email, CancellationToken cancellationToken) => inner.FindByEmailAsync(community, email, cancellationToken);
}

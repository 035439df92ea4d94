namespace CopBot.Community;

/// <summary>What the shared request mechanics need of a modality's store: read one, list the open ones, change one.</summary>
public interface IRequestStore<T>
    where T : class
{
    Task<T?> GetAsync(string community, string id, CancellationToken cancellationToken);

    /// <summary>Ids of the community's open requests of this modality.</summary>
    Task<IReadOnlyList<string>> ListOpenAsync(string community, CancellationToken cancellationToken);

    /// <summary>Applies the change with the ETag read, re-reading on conflict; a change returning null writes nothing.</summary>
    Task<T?> UpdateAsync(string community, string id, Func<T, T?> change, CancellationToken cancellationToken);
}

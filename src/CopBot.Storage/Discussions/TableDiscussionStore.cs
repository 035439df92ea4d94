using CopBot.Community;
using Microsoft.Extensions.Logging;

namespace CopBot.Storage;

/// <summary>Discussions as one JSON row each, with an open-discussion index for the deadline checker.</summary>
public sealed class TableDiscussionStore(CopBotTables tables, ILogger<TableDiscussionStore> logger) : IDiscussionStore
{
    private readonly JsonDocumentTable<Discussion> _table = new(
        tables.Discussions, tables.OpenDiscussions, d => (d.Community, d.Id), d => d.Status == DiscussionStatus.Open, logger, "discussion");

    public Task<(Discussion Stored, bool Created)> CreateAsync(Discussion discussion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(discussion);
        return _table.CreateAsync(discussion, cancellationToken);
    }

    public Task<Discussion?> GetAsync(string community, string id, CancellationToken cancellationToken) => _table.GetAsync(community, id, cancellationToken);

    public Task<IReadOnlyList<string>> ListOpenAsync(string community, CancellationToken cancellationToken) => _table.ListOpenAsync(community, cancellationToken);

    public Task<IReadOnlyList<Discussion>> ListAsync(string community, CancellationToken cancellationToken) => _table.ListAsync(community, cancellationToken);

    public Task<Discussion?> UpdateAsync(string community, string id, Func<Discussion, Discussion?> change, CancellationToken cancellationToken) =>
        _table.UpdateAsync(community, id, change, cancellationToken);
}

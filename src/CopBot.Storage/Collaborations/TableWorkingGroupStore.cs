using CopBot.Community;
using Microsoft.Extensions.Logging;

namespace CopBot.Storage;

/// <summary>Working groups as one JSON row each (members and tasks included), with an open index for the weekly progress check.</summary>
public sealed class TableWorkingGroupStore(CopBotTables tables, ILogger<TableWorkingGroupStore> logger) : IWorkingGroupStore
{
    private readonly JsonDocumentTable<WorkingGroup> _table = new(
        tables.WorkingGroups, tables.OpenWorkingGroups, g => (g.Community, g.Id), g => g.Status == WorkingGroupStatus.Open, logger, "working group");

    public Task<(WorkingGroup Stored, bool Created)> CreateAsync(WorkingGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        return _table.CreateAsync(group, cancellationToken);
    }

    public Task<WorkingGroup?> GetAsync(string community, string id, CancellationToken cancellationToken) => _table.GetAsync(community, id, cancellationToken);

    public Task<IReadOnlyList<string>> ListOpenAsync(string community, CancellationToken cancellationToken) => _table.ListOpenAsync(community, cancellationToken);

    public Task<IReadOnlyList<WorkingGroup>> ListAsync(string community, CancellationToken cancellationToken) => _table.ListAsync(community, cancellationToken);

    public Task<WorkingGroup?> UpdateAsync(string community, string id, Func<WorkingGroup, WorkingGroup?> change, CancellationToken cancellationToken) =>
        _table.UpdateAsync(community, id, change, cancellationToken);
}

using CopBot.Community;
using Microsoft.Extensions.Logging;

namespace CopBot.Storage;

/// <summary>Consultations as one JSON row each (reviews included), with an open-consultation index for the deadline checker.</summary>
public sealed class TableConsultationStore(CopBotTables tables, ILogger<TableConsultationStore> logger) : IConsultationStore
{
    private readonly JsonDocumentTable<Consultation> _table = new(
        tables.Consultations, tables.OpenConsultations, c => (c.Community, c.Id), c => c.Status == ConsultationStatus.Open, logger, "consultation");

    public Task<(Consultation Stored, bool Created)> CreateAsync(Consultation consultation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        return _table.CreateAsync(consultation, cancellationToken);
    }

    public Task<Consultation?> GetAsync(string community, string id, CancellationToken cancellationToken) => _table.GetAsync(community, id, cancellationToken);

    public Task<IReadOnlyList<string>> ListOpenAsync(string community, CancellationToken cancellationToken) => _table.ListOpenAsync(community, cancellationToken);

    public Task<IReadOnlyList<Consultation>> ListAsync(string community, CancellationToken cancellationToken) => _table.ListAsync(community, cancellationToken);

    public Task<Consultation?> UpdateAsync(string community, string id, Func<Consultation, Consultation?> change, CancellationToken cancellationToken) =>
        _table.UpdateAsync(community, id, change, cancellationToken);
}

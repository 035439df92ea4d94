using CopBot.Community;
using Microsoft.Extensions.Logging;

namespace CopBot.Storage;

/// <summary>Duplicate offers: partition community, row offer id (the would-be query id), the offer as JSON.</summary>
public sealed class TableDuplicateOfferStore(CopBotTables tables, ILogger<TableDuplicateOfferStore> logger) : IDuplicateOfferStore
{
    private const int MaxChunks = 2;

    private readonly JsonChunkedTable<DuplicateOffer> _table = new(
        tables.DuplicateOffers, o => (o.Community, o.Id), (o, entity) => entity["State"] = o.State.ToString(), MaxChunks, logger, "duplicate offer");

    public Task<(DuplicateOffer Stored, bool Created)> CreateAsync(DuplicateOffer offer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return _table.AddOrGetAsync(offer, cancellationToken);
    }

    public Task<DuplicateOffer?> GetAsync(string community, string id, CancellationToken cancellationToken) => _table.GetAsync(community, id, cancellationToken);

    public Task<DuplicateOffer?> UpdateAsync(string community, string id, Func<DuplicateOffer, DuplicateOffer?> change, CancellationToken cancellationToken) =>
        _table.UpdateAsync(community, id, change, afterWrite: null, cancellationToken);

    public Task<IReadOnlyList<DuplicateOffer>> ListAsync(string community, CancellationToken cancellationToken) => _table.ListAsync(community, cancellationToken);
}

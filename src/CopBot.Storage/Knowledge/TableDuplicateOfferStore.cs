using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using CopBot.Community;
using Microsoft.Extensions.Logging;

namespace CopBot.Storage;

/// <summary>Duplicate offers: partition community, row offer id (the would-be query id), the offer as JSON.</summary>
public sealed class TableDuplicateOfferStore(CopBotTables tables, ILogger<TableDuplicateOfferStore> logger) : IDuplicateOfferStore
{
    private const int MaxChunks = 2;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<(DuplicateOffer Stored, bool Created)> CreateAsync(DuplicateOffer offer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offer);
        try
        {
            await tables.DuplicateOffers.AddEntityAsync(ToEntity(offer), cancellationToken);
            return (offer, true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await GetAsync(offer.Community, offer.Id, cancellationToken);
            return (existing ?? throw new InvalidOperationException($"Duplicate offer {offer.Id} exists but could not be read."), false);
        }
    }

    public async Task<DuplicateOffer?> GetAsync(string community, string id, CancellationToken cancellationToken) =>
        (await ReadAsync(community, id, cancellationToken))?.Offer;

    public Task<DuplicateOffer?> UpdateAsync(string community, string id, Func<DuplicateOffer, DuplicateOffer?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return ConcurrencyRetry.RunAsync(async ct =>
        {
            var stored = await ReadAsync(community, id, ct);
            if (stored is null)
            {
                return null;
            }

            var changed = change(stored.Value.Offer);
            if (changed is null)
            {
                return stored.Value.Offer;
            }

            await tables.DuplicateOffers.UpdateEntityAsync(ToEntity(changed), stored.Value.ETag, TableUpdateMode.Replace, ct);
            return changed;
        }, logger, "duplicate offer", cancellationToken);
    }

    public async Task<IReadOnlyList<DuplicateOffer>> ListAsync(string community, CancellationToken cancellationToken)
    {
        var offers = new List<DuplicateOffer>();
        await foreach (var row in tables.DuplicateOffers.QueryAsync<TableEntity>(r => r.PartitionKey == KeyEncoder.Encode(community), cancellationToken: cancellationToken))
        {
            offers.Add(JsonSerializer.Deserialize<DuplicateOffer>(JsonChunks.Read(row), Options)!);
        }

        return offers;
    }

    private async Task<(DuplicateOffer Offer, ETag ETag)?> ReadAsync(string community, string id, CancellationToken cancellationToken)
    {
        var row = await tables.DuplicateOffers.GetEntityIfExistsAsync<TableEntity>(KeyEncoder.Encode(community), KeyEncoder.Encode(id), cancellationToken: cancellationToken);
        return row.HasValue ? (JsonSerializer.Deserialize<DuplicateOffer>(JsonChunks.Read(row.Value!), Options)!, row.Value!.ETag) : null;
    }

    private static TableEntity ToEntity(DuplicateOffer offer)
    {
        var entity = new TableEntity(KeyEncoder.Encode(offer.Community), KeyEncoder.Encode(offer.Id)) { ["State"] = offer.State.ToString() };
        JsonChunks.Write(entity, JsonSerializer.Serialize(offer, Options), MaxChunks, $"Duplicate offer {offer.Id}");
        return entity;
    }
}

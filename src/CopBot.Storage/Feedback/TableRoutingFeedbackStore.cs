using Azure.Data.Tables;
using CopBot.Community;
using Microsoft.Extensions.Logging;

namespace CopBot.Storage;

/// <summary>Feedback summed per (expert, topic): partition community, row expert|topic, ETag-guarded increments.</summary>
public sealed class TableRoutingFeedbackStore(CopBotTables tables, ILogger<TableRoutingFeedbackStore> logger) : IRoutingFeedbackStore
{
    private const string DeltaColumn = "Delta";

    public async Task AddAsync(string community, IReadOnlyList<RoutingFeedback> feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        foreach (var item in feedback)
        {
            await ConcurrencyRetry.RunAsync(async ct =>
            {
                var partition = KeyEncoder.Encode(community);
                var row = KeyEncoder.Join(item.ExpertId, item.Tag);
                var stored = await tables.RoutingFeedback.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: ct);
                if (!stored.HasValue)
                {
                    await tables.RoutingFeedback.AddEntityAsync(new TableEntity(partition, row) { [DeltaColumn] = item.Delta }, ct);
                    return true;
                }

                var entity = stored.Value!;
                entity[DeltaColumn] = (entity.GetDouble(DeltaColumn) ?? 0) + item.Delta;
                await tables.RoutingFeedback.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, ct);
                return true;
            }, logger, "routing feedback", cancellationToken);
        }
    }

    public async Task<IReadOnlyList<RoutingFeedback>> ListAsync(string community, CancellationToken cancellationToken)
    {
        var all = new List<RoutingFeedback>();
        await foreach (var row in tables.RoutingFeedback.QueryAsync<TableEntity>(r => r.PartitionKey == KeyEncoder.Encode(community), cancellationToken: cancellationToken))
        {
            var parts = KeyEncoder.Split(row.RowKey);
            all.Add(new RoutingFeedback(parts[0], parts[1], row.GetDouble(DeltaColumn) ?? 0));
        }

        return all;
    }
}

using Azure;
using Azure.Data.Tables;
using CopBot.Community;

namespace CopBot.Storage;

/// <summary>Contributions: partition request id, row activity id (so a redelivered reply is the same row).</summary>
public sealed class TableContributionStore(CopBotTables tables) : IContributionStore
{
    public async Task<bool> AddAsync(Contribution contribution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        var text = contribution.Text.Length > Contribution.MaxTextLength ? contribution.Text[..Contribution.MaxTextLength] : contribution.Text;
        var entity = new TableEntity(KeyEncoder.Encode(contribution.RequestId), KeyEncoder.Encode(contribution.ActivityId))
        {
            ["AuthorId"] = contribution.AuthorId,
            ["AuthorName"] = contribution.AuthorName,
            ["Text"] = text,
            ["At"] = contribution.At,
        };
        try
        {
            await tables.Contributions.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<Contribution>> ListContributionsAsync(string requestId, CancellationToken cancellationToken)
    {
        var list = new List<(Contribution Contribution, DateTimeOffset? StoredAt)>();
        await foreach (var row in tables.Contributions.QueryAsync<TableEntity>(r => r.PartitionKey == KeyEncoder.Encode(requestId), cancellationToken: cancellationToken))
        {
            list.Add((new Contribution(
                requestId, KeyEncoder.Decode(row.RowKey), row.GetString("AuthorId") ?? "", row.GetString("AuthorName") ?? "",
                row.GetString("Text") ?? "", row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue), row.Timestamp));
        }

        // The table's own write time breaks ties, so contributions made in the same instant keep their arrival order.
        return [.. list.OrderBy(c => c.Contribution.At).ThenBy(c => c.StoredAt).Select(c => c.Contribution)];
    }
}

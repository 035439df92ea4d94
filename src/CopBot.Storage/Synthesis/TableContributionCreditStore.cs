using Azure;
using Azure.Data.Tables;
using CopBot.Community;

namespace CopBot.Storage;

/// <summary>Credits: partition (community, contributor), row request id, so a retried publish rewrites the same row.</summary>
public sealed class TableContributionCreditStore(CopBotTables tables) : IContributionCreditStore
{
    public async Task AddAsync(ContributionCredit credit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credit);
        var entity = new TableEntity(Partition(credit.Community, credit.ContributorId), KeyEncoder.Encode(credit.RequestId))
        {
            ["Title"] = JsonColumn.CheckText(credit.Title, "Title"),
            ["Contributions"] = credit.Contributions,
            ["PublishedAt"] = credit.PublishedAt,
        };
        try
        {
            await tables.ContributionCredits.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already credited for this request: nothing changes twice.
        }
    }

    public async Task<IReadOnlyList<ContributionCredit>> ListAsync(string community, string contributorId, CancellationToken cancellationToken)
    {
        var credits = new List<ContributionCredit>();
        await foreach (var row in tables.ContributionCredits.QueryAsync<TableEntity>(r => r.PartitionKey == Partition(community, contributorId), cancellationToken: cancellationToken))
        {
            credits.Add(new ContributionCredit(
                community, contributorId, KeyEncoder.Decode(row.RowKey), row.GetString("Title") ?? "",
                row.GetInt32("Contributions") ?? 1, row.GetDateTimeOffset("PublishedAt") ?? DateTimeOffset.MinValue));
        }

        return [.. credits.OrderByDescending(c => c.PublishedAt)];
    }

    private static string Partition(string community, string contributorId) => KeyEncoder.Join(community, contributorId);
}

using Azure.Data.Tables;
using CopBot.Community;

namespace CopBot.Storage;

/// <summary>
/// Knowledge gaps: partition community, row (topic, request id). Upserting the same row again is how a retried
/// turn changes nothing; counting distinct rows per topic is the gap count.
/// </summary>
public sealed class TableKnowledgeGapStore(CopBotTables tables) : IKnowledgeGapStore
{
    private const int MaxQuestionLength = 500;

    public async Task RecordAsync(KnowledgeGap gap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gap);
        var question = gap.Question.Length > MaxQuestionLength ? gap.Question[..MaxQuestionLength] : gap.Question;
        var entity = new TableEntity(KeyEncoder.Encode(gap.Community), KeyEncoder.Join(gap.Topic, gap.RequestId))
        {
            ["Topic"] = gap.Topic,
            ["RequestId"] = gap.RequestId,
            ["Question"] = question,
            ["At"] = gap.At,
        };
        await tables.KnowledgeGaps.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<KnowledgeGap>> ListAsync(string community, CancellationToken cancellationToken)
    {
        var partition = KeyEncoder.Encode(community);
        var gaps = new List<KnowledgeGap>();
        await foreach (var row in tables.KnowledgeGaps.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            gaps.Add(new KnowledgeGap(
                community,
                row.GetString("Topic") ?? KnowledgeGap.NoTopic,
                row.GetString("RequestId") ?? row.RowKey,
                row.GetString("Question") ?? "",
                row.GetDateTimeOffset("At") ?? row.Timestamp ?? DateTimeOffset.MinValue));
        }

        return gaps;
    }
}

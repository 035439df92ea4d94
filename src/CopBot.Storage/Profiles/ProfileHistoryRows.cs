using System.Globalization;
using Azure;
using Azure.Data.Tables;
using CopBot.Community;

namespace CopBot.Storage;

/// <summary>
/// Answered questions, one row each (a question's text can be long, and 64 KiB per property would not hold a whole
/// history). Partition = (community, profile id); row = (version, index).
/// </summary>
/// <remarks>
/// A new history is written under a fresh version next to the old one; the profile row then switches to it with its
/// ETag, and only then is the old version deleted. Readers follow the profile row's version, so they never see half of
/// an old history mixed with half of a new one, and a failed or concurrent write never overwrites anything.
/// </remarks>
internal sealed class ProfileHistoryRows(TableClient table)
{
    private const int MaxBatch = 100;

    public static string Partition(string community, string id) => KeyEncoder.Join(community, id);

    /// <summary>Throws <see cref="ArgumentException"/> for a history the table cannot hold, writing nothing.</summary>
    public static void Check(ExpertProfile profile)
    {
        if (profile.History.Count > 9_999)
        {
            throw new ArgumentException("A profile keeps at most 9999 answered questions.", nameof(profile));
        }

        var partition = Partition(profile.Community, profile.Id);
        for (var i = 0; i < profile.History.Count; i++)
        {
            ToEntity(partition, "check", i, profile.History[i]);
        }
    }

    /// <summary>Writes the history under a new version; null when there is nothing to write.</summary>
    public async Task<string?> WriteAsync(ExpertProfile profile, CancellationToken cancellationToken)
    {
        if (profile.History.Count == 0)
        {
            return null;
        }

        Check(profile);

        // Uniqueness is all a version needs: it never orders or means anything.
        var version = Guid.NewGuid().ToString("N");
        var partition = Partition(profile.Community, profile.Id);
        var rows = profile.History.Select((question, index) => ToEntity(partition, version, index, question));
        foreach (var batch in rows.Chunk(MaxBatch))
        {
            await table.SubmitTransactionAsync(
                batch.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)), cancellationToken);
        }

        return version;
    }

    public async Task<IReadOnlyList<AnsweredQuestion>> ReadAsync(
        string community, string id, string? version, CancellationToken cancellationToken)
    {
        if (version is null)
        {
            return [];
        }

        var (from, to) = ProfileRows.PrefixRange(version);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition(community, id)} and RowKey ge {from} and RowKey lt {to}");
        var history = new List<AnsweredQuestion>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            history.Add(ToQuestion(row));
        }

        return history;
    }

    /// <summary>Every history row of a community in one range scan, grouped by (profile id, version).</summary>
    public async Task<Dictionary<(string Id, string Version), List<AnsweredQuestion>>> ReadCommunityAsync(
        string community, CancellationToken cancellationToken)
    {
        var (from, to) = ProfileRows.PrefixRange(community);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}");
        var histories = new Dictionary<(string Id, string Version), List<AnsweredQuestion>>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var key = (KeyEncoder.Split(row.PartitionKey)[1], KeyEncoder.Split(row.RowKey)[0]);
            if (!histories.TryGetValue(key, out var history))
            {
                histories[key] = history = [];
            }

            history.Add(ToQuestion(row));
        }

        return histories;
    }

    public async Task DeleteVersionAsync(string community, string id, string version, CancellationToken cancellationToken)
    {
        var partition = Partition(community, id);
        var (from, to) = ProfileRows.PrefixRange(version);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}");
        var keys = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(new TableEntity(partition, row.RowKey));
        }

        foreach (var batch in keys.Chunk(MaxBatch))
        {
            await table.SubmitTransactionAsync(
                batch.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All)), cancellationToken);
        }
    }

    private static TableEntity ToEntity(string partition, string version, int index, AnsweredQuestion question) =>
        new(partition, KeyEncoder.Join(version, index.ToString("D4", CultureInfo.InvariantCulture)))
        {
            ["Title"] = JsonColumn.CheckText(question.Title, "Title"),
            ["Text"] = JsonColumn.CheckText(question.Text, "Text"),
            ["Tags"] = JsonColumn.Write(question.Tags, "Tags"),
            ["At"] = question.At,
            ["Key"] = question.Key,
        };

    private static AnsweredQuestion ToQuestion(TableEntity row) => new(
        Title: row.GetString("Title") ?? "",
        Text: row.GetString("Text"),
        Tags: JsonColumn.Read<List<string>>(row.GetString("Tags"), []),
        At: row.GetDateTimeOffset("At"))
    {
        Key = row.GetString("Key"),
    };
}

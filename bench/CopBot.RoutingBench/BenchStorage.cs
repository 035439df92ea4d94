using System.Globalization;
using Azure.Data.Tables;
using CopBot.Community;
using CopBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CopBot.RoutingBench;

/// <summary>
/// The product's <see cref="TableProfileStore"/> on its own tables per size (<c>RoutingBench{size}*</c>), so that a
/// listing reads exactly that community and nothing else.
/// </summary>
internal sealed class BenchStorage
{
    // Bulk upserts: the store reads and writes histories concurrently and profile rows in 100-entity transactions.
    private const int ImportChunk = 2_000;
    private readonly CopBotTables _tables;

    public BenchStorage(string connectionString, int size)
    {
        var options = new TableStorageOptions
        {
            ConnectionString = connectionString,
            TablePrefix = "RoutingBench" + size.ToString(CultureInfo.InvariantCulture),
        };
        var client = new TableClientOptions();
        client.Retry.MaxRetries = 5;
        client.Retry.NetworkTimeout = TimeSpan.FromSeconds(60);
        _tables = new CopBotTables(new TableServiceClient(connectionString, client), options);
        Store = new TableProfileStore(_tables, NullLogger<TableProfileStore>.Instance);
    }

    public IProfileStore Store { get; }

    public async Task ImportAsync(IReadOnlyList<ExpertProfile> profiles, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken);
        foreach (var chunk in profiles.Chunk(ImportChunk))
        {
            await Store.UpsertManyAsync(chunk, cancellationToken);
        }
    }

    /// <summary>Drops the benchmark's tables (on a real account they would otherwise stay and cost).</summary>
    public async Task DeleteTablesAsync()
    {
        foreach (var table in _tables.All)
        {
            await table.DeleteAsync(CancellationToken.None);
        }
    }
}

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
    // The store writes one profile per call (read, history batch, profile transaction); parallel calls hide latency.
    private const int ImportParallelism = 16;
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
        await Parallel.ForEachAsync(
            profiles,
            new ParallelOptions { MaxDegreeOfParallelism = ImportParallelism, CancellationToken = cancellationToken },
            async (profile, ct) => await Store.UpsertAsync(profile, ct));
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

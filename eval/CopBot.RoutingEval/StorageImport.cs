using Azure.Data.Tables;
using CopBot.Community;
using CopBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CopBot.RoutingEval;

/// <summary>The real storage path: upsert the profiles through <see cref="TableProfileStore"/>, then build the index
/// from the store, exactly as the bot does at start-up.</summary>
public static class StorageImport
{
    public static CommunityState Through(CommunityState state, string connectionString, string site)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(site);
        return ThroughAsync(state, connectionString, site).GetAwaiter().GetResult();
    }

    private static async Task<CommunityState> ThroughAsync(CommunityState state, string connectionString, string site)
    {
        // One set of tables per site, so that two sites' profiles never mix in one community.
        var prefix = "RoutingEval" + new string([.. site.Where(char.IsAsciiLetterOrDigit).Take(20)]);
        var options = new TableStorageOptions { ConnectionString = connectionString, TablePrefix = prefix };
        var tables = new CopBotTables(new TableServiceClient(connectionString), options);
        await tables.EnsureCreatedAsync(CancellationToken.None);
        var store = new TableProfileStore(tables, NullLogger<TableProfileStore>.Instance);
        foreach (var user in state.Users)
        {
            await store.UpsertAsync(state.Profile(user), CancellationToken.None);
        }

        state.UseIndex(await ExpertIndex.BuildAsync(store, ProfileFactory.Community));
        Console.WriteLine($"imported {state.Users.Count()} profiles into Table Storage and built the index from the store");
        return state;
    }
}

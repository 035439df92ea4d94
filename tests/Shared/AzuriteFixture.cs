using Xunit;

namespace CopBot.Testing;

/// <summary>
/// Runs a real Azurite Table and Queue service (<see cref="AzuriteServer"/>, one process each) for a test assembly.
/// Link this file and AzuriteServer.cs into a test project and put the test classes in
/// <c>[Collection(AzuriteFixture.Collection)]</c>. <see cref="StopAsync"/> then <see cref="StartAsync"/> simulates a
/// Table Storage outage on the same port (the queues stay up).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The xunit collection sharing this fixture: <c>[Collection(AzuriteFixture.Collection)]</c>.</summary>
    public const string Collection = "Azurite";

    public const string AccountName = AzuriteServer.AccountName;
    public const string AccountKey = AzuriteServer.AccountKey;

    private AzuriteServer? _server;
    private AzuriteServer? _queues;

    private AzuriteServer Server => _server ?? throw new InvalidOperationException("Azurite has not been started.");

    private AzuriteServer Queues => _queues ?? throw new InvalidOperationException("Azurite has not been started.");

    /// <summary>The table service's port.</summary>
    public int Port => Server.Port;

    /// <summary>Table and queue endpoints: a bot given this string runs its outbox on the queue service.</summary>
    public string ConnectionString => AzuriteServer.ConnectionStringFor(Server, Queues);

    /// <summary>The table endpoint only: a bot given this string has no queues and sends directly.</summary>
    public string TablesOnlyConnectionString => Server.ConnectionString;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public async Task InitializeAsync()
    {
        var tables = AzuriteServer.StartNewAsync(RepositoryRoot, AzuriteService.Table);
        var queues = AzuriteServer.StartNewAsync(RepositoryRoot, AzuriteService.Queue);
        try
        {
            _server = await tables;
        }
        finally
        {
            _queues = await queues;
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_queues is not null)
        {
            await _queues.DisposeAsync();
        }
    }

    /// <summary>Starts the table service again on <see cref="Port"/> after <see cref="StopAsync"/>.</summary>
    public Task StartAsync() => Server.StartAsync();

    /// <summary>Kills the table service (simulating an outage) and waits until it is gone.</summary>
    public Task StopAsync() => Server.StopAsync();

    /// <summary>The directory holding CopBot.sln.</summary>
    public static string FindRepositoryRoot() => AzuriteServer.FindRepositoryRoot(AppContext.BaseDirectory);
}

/// <summary>One Azurite per test assembly: every class in this collection shares it (and runs sequentially).</summary>
[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;

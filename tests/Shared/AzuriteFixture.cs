using Xunit;

namespace CopBot.Testing;

/// <summary>
/// Runs a real Azurite Table service (<see cref="AzuriteServer"/>) for a test assembly. Link this file and
/// AzuriteServer.cs into a test project and put the test classes in <c>[Collection(AzuriteFixture.Collection)]</c>.
/// <see cref="StopAsync"/> then <see cref="StartAsync"/> simulates an outage on the same port.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The xunit collection sharing this fixture: <c>[Collection(AzuriteFixture.Collection)]</c>.</summary>
    public const string Collection = "Azurite";

    public const string AccountName = AzuriteServer.AccountName;
    public const string AccountKey = AzuriteServer.AccountKey;

    private AzuriteServer? _server;

    private AzuriteServer Server => _server ?? throw new InvalidOperationException("Azurite has not been started.");

    public int Port => Server.Port;

    public string ConnectionString => Server.ConnectionString;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public async Task InitializeAsync() => _server = await AzuriteServer.StartNewAsync(RepositoryRoot);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Starts Azurite again on <see cref="Port"/> after <see cref="StopAsync"/>.</summary>
    public Task StartAsync() => Server.StartAsync();

    /// <summary>Kills Azurite (simulating an outage) and waits until it is gone.</summary>
    public Task StopAsync() => Server.StopAsync();

    /// <summary>The directory holding CopBot.sln.</summary>
    public static string FindRepositoryRoot() => AzuriteServer.FindRepositoryRoot(AppContext.BaseDirectory);
}

/// <summary>One Azurite per test assembly: every class in this collection shares it (and runs sequentially).</summary>
[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;

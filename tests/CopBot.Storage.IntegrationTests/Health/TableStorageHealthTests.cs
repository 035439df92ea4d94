using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CopBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CopBot.Storage.IntegrationTests.Health;

[Collection(AzuriteFixture.Collection)]
public class TableStorageHealthTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CheckAsync_AzuriteRunning_ReturnsTrue() =>
        Assert.True(await Health(azurite.ConnectionString).CheckAsync(default));

    [Fact]
    public async Task CheckAsync_NothingListening_ReturnsFalseQuickly()
    {
        var closed = azurite.ConnectionString.Replace($":{azurite.Port}/", $":{ClosedPort()}/", StringComparison.Ordinal);
        var clock = Stopwatch.StartNew();

        var healthy = await Health(closed).CheckAsync(default);

        Assert.False(healthy);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task CheckAsync_DuringOutageThenAfterRestart_ReportsFalseThenTrue()
    {
        var health = Health(azurite.ConnectionString);

        await azurite.StopAsync();
        bool duringOutage;
        try
        {
            duringOutage = await health.CheckAsync(default);
        }
        finally
        {
            await azurite.StartAsync();
        }

        Assert.False(duringOutage);
        Assert.True(await health.CheckAsync(default));
    }

    private static TableStorageHealth Health(string connectionString) =>
        new(new TableStorageOptions { ConnectionString = connectionString }, NullLogger<TableStorageHealth>.Instance);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

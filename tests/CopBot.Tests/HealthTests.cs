using System.Net;
using System.Net.Sockets;
using CopBot.Community;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class HealthTests(AzuriteFixture azurite)
{
    private static int ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Healthz_StorageUnreachable_Returns503Quickly()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var deadStorage = $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};TableEndpoint=http://127.0.0.1:{ClosedPort()}/{AzuriteFixture.AccountName};";
        await using var unhealthy = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>()
            .WithWebHostBuilder(web => web.UseSetting("ConnectionStrings:Tables", deadStorage));
        using var client = unhealthy.CreateClient();
        var started = System.Diagnostics.Stopwatch.StartNew();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"health took {started.Elapsed}");
        using var healthy = await bot.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
    }

    [Fact]
    public async Task FreshStorage_ExpertIndexLoadedAtStart_NotOneRefreshIntervalLater()
    {
        // A new table prefix: the tables do not exist until the start-up creates them, and the index refresher waits for that.
        await using var bot = await BotHarness.StartAsync(azurite, tablePrefix: "Fresh" + Guid.NewGuid().ToString("N")[..8]);
        var index = bot.Services.GetRequiredService<ExpertIndexHolder>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!index.IsLoaded && started.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
        }

        Assert.True(index.IsLoaded, "the expert index was not loaded from storage within 20 s of start");
    }
}

using System.Net;
using System.Net.Sockets;
using CopBot.Testing;
using CopBot.Tests.Support;

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
}

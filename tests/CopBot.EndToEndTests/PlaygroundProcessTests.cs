using System.Net;
using System.Net.Sockets;
using CopBot.EndToEndTests.Support;

namespace CopBot.EndToEndTests;

/// <summary>The playground silently takes a random port when its own is busy; the harness must notice, not talk to a stranger.</summary>
public sealed class PlaygroundProcessTests
{
    [Fact]
    public async Task StartAsync_PortTaken_ThrowsNamingBothPorts()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        using var http = new HttpClient();

        // No bot behind the endpoint: the playground calls it only when a conversation is used.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PlaygroundProcess.StartAsync(new PlaygroundTenant(), BotServer.EndpointOn(LoopbackPorts.Free(1)[0]), port, http));

        Assert.Contains($"not on the requested {port}", error.Message, StringComparison.Ordinal);
    }
}

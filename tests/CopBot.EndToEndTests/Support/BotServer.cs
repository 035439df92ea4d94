using System.Net;
using CopBot.Storage;
using CopBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.EndToEndTests.Support;

/// <summary>
/// The real CopBot (Program, all its services) on a real Kestrel socket on 127.0.0.1, anonymous, with its
/// own table prefix on the shared Azurite.
/// </summary>
/// <remarks>
/// In-process (WebApplicationFactory with .NET 10's UseKestrel/StartServer) rather than a child
/// <c>dotnet CopBot.dll</c>: the pipeline, configuration binding and socket are the same, but there is no second
/// runtime start-up per test, no build-output path to find, no process to leak, and a failing turn's exception
/// reaches the test host's output.
/// </remarks>
public sealed class BotServer : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private BotServer(WebApplicationFactory<Program> factory, int port, string tablePrefix)
    {
        _factory = factory;
        Port = port;
        TablePrefix = tablePrefix;
    }

    public int Port { get; }

    public string TablePrefix { get; }

    public Uri Endpoint => EndpointOn(Port);

    /// <summary>The running bot's services, to seed profiles and read what it stored.</summary>
    public IServiceProvider Services => _factory.Services;

    public static Uri EndpointOn(int port) => new($"http://127.0.0.1:{port}/api/messages");

    /// <summary>
    /// Starts the bot on <paramref name="port"/>. A <paramref name="tablePrefix"/> of an earlier instance restarts the
    /// bot on that instance's storage; a <paramref name="clock"/> replaces the app clock (deadline loops included).
    /// </summary>
    public static async Task<BotServer> StartAsync(AzuriteFixture azurite, int port, string? tablePrefix = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var prefix = tablePrefix ?? "E" + Guid.NewGuid().ToString("N")[..12];
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Tables", azurite.ConnectionString);
            web.UseSetting("CopBot:TablePrefix", prefix);
            // Anonymous mode, whatever the machine's environment says: the playground sends no token.
            web.UseSetting("MicrosoftAppId", string.Empty);
            web.UseSetting("MicrosoftAppPassword", string.Empty);
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            if (clock is not null)
            {
                // The app clock only: the connector's pacing (throttle, retry backoff) stays on the system clock.
                web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
            }
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var server = new BotServer(factory, port, prefix);
        try
        {
            // StartServer blocks while the host starts; off the caller's thread so the playground starts meanwhile.
            await Task.Run(factory.StartServer);
            // Tables are created in the background at start; wait instead of racing the first turn.
            await factory.Services.GetRequiredService<CopBotTables>().EnsureCreatedAsync(CancellationToken.None);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}

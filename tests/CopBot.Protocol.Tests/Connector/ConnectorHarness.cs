using CopBot.Protocol.Connector;
using CopBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Protocol.Tests.Connector;

/// <summary>The connector wired as the host wires it (<c>AddBotConnector</c>), talking to a loopback fake connector.</summary>
internal sealed class ConnectorHarness : IAsyncDisposable
{
    public const string AppId = "b5d2f0e4-8c1a-4f3b-9e6d-7a2c1b0f9e8d";
    public const string AppPassword = "not-a-real-secret~123";

    private readonly ServiceProvider _services;

    private ConnectorHarness(FakeConnectorServer server, ServiceProvider services)
    {
        Server = server;
        _services = services;
    }

    public FakeConnectorServer Server { get; }

    public IConnectorClient Client => _services.GetRequiredService<IConnectorClient>();

    public IBotTokenProvider Tokens => _services.GetRequiredService<IBotTokenProvider>();

    public static async Task<ConnectorHarness> StartAsync(
        bool anonymous = false, TimeProvider? clock = null, int maxRetryAttempts = 3, string retryBaseDelay = "00:00:00.010",
        string? loginUrl = null, string? password = AppPassword)
    {
        var server = await FakeConnectorServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = anonymous ? string.Empty : AppId,
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = "6e3a9f1c-2b47-4d8a-9c5e-0f1d2a3b4c5d",
            ["ToChannelFromBotLoginUrl"] = loginUrl ?? server.TokenUrl,
            ["BotConnector:MaxRetryAttempts"] = maxRetryAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BotConnector:RetryBaseDelay"] = retryBaseDelay,
        }).Build();

        var services = new ServiceCollection().AddLogging();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddBotConnector(configuration);
        return new ConnectorHarness(server, services.BuildServiceProvider(validateScopes: true));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}

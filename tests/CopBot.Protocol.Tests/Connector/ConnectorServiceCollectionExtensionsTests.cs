using CopBot.Protocol.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Protocol.Tests.Connector;

public class ConnectorServiceCollectionExtensionsTests
{
    [Fact]
    public void AddBotConnector_RootConfiguration_BindsSdkKeyNames()
    {
        using var provider = Build(new()
        {
            ["MicrosoftAppId"] = "app-id",
            ["MicrosoftAppType"] = "MultiTenant",
            ["ToChannelFromBotOAuthScope"] = "https://api.botframework.us/.default",
        });

        var credentials = provider.GetRequiredService<IOptions<BotCredentialsOptions>>().Value;

        Assert.Equal("app-id", credentials.MicrosoftAppId);
        Assert.Equal("MultiTenant", credentials.MicrosoftAppType);
        Assert.Equal("https://api.botframework.us/.default", credentials.ToChannelFromBotOAuthScope);
    }

    [Fact]
    public void AddBotConnector_CredentialsAlreadyBound_DoesNotBindAgain()
    {
        var services = new ServiceCollection().AddLogging();
        services.Configure<BotCredentialsOptions>(o => o.MicrosoftAppId = "configured-first");

        services.AddBotConnector(Configuration(new() { ["MicrosoftAppId"] = "from-root" }));
        using var provider = services.BuildServiceProvider();

        Assert.Equal("configured-first", provider.GetRequiredService<IOptions<BotCredentialsOptions>>().Value.MicrosoftAppId);
    }

    [Fact]
    public void AddBotConnector_Registered_ClientAndTokensAreSingletons()
    {
        using var provider = Build([]);

        Assert.Same(provider.GetRequiredService<IConnectorClient>(), provider.GetRequiredService<IConnectorClient>());
        Assert.Same(provider.GetRequiredService<IBotTokenProvider>(), provider.GetRequiredService<IBotTokenProvider>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddBotConnector_TimeProviderRegistered_KeepsIt()
    {
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock);

        services.AddBotConnector(Configuration([]));
        using var provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddBotConnector_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();

        services.AddBotConnector(Configuration([]));
        services.AddBotConnector(Configuration([]));

        Assert.Single(services, d => d.ServiceType == typeof(IConnectorClient));
    }

    [Fact]
    public void AddBotConnector_RetrySection_BindsConnectorOptions()
    {
        using var provider = Build(new() { ["BotConnector:MaxRetryAttempts"] = "2", ["BotConnector:RetryBaseDelay"] = "00:00:00.250" });

        var options = provider.GetRequiredService<IOptions<ConnectorOptions>>().Value;

        Assert.Equal(2, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.RetryBaseDelay);
    }

    [Fact]
    public void AddBotConnector_TooManyRetries_FailsValidation()
    {
        using var provider = Build(new() { ["BotConnector:MaxRetryAttempts"] = "50" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConnectorOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging().AddBotConnector(Configuration(settings)).BuildServiceProvider();

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}

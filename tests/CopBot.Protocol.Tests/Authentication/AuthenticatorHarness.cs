using CopBot.Protocol.Authentication;
using CopBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Protocol.Tests.Authentication;

/// <summary>
/// A loopback Bot Framework issuer (and optionally an Entra tenant issuer) plus an authenticator wired through
/// <see cref="BotAuthenticationServiceCollectionExtensions.AddBotAuthentication"/>, on a fake clock.
/// </summary>
public sealed class AuthenticatorHarness : IAsyncDisposable
{
    public const string AppId = "0b7f3c1e-5d2a-4c8e-9f61-3a2b1c0d9e8f";
    public const string TenantId = "72f988bf-0000-4000-8000-2d7cd011db47";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    public const string ChannelId = "msteams";

    private readonly ServiceProvider _services;

    private AuthenticatorHarness(FakeTimeProvider clock, LoopbackIssuer channel, LoopbackIssuer tenant, ServiceProvider services)
    {
        Clock = clock;
        Channel = channel;
        Tenant = tenant;
        _services = services;
        Authenticator = services.GetRequiredService<IBotRequestAuthenticator>();
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The Bot Framework channel issuer (https://api.botframework.com).</summary>
    public LoopbackIssuer Channel { get; }

    /// <summary>An Entra v2 issuer for <see cref="TenantId"/>, used only when the tenant is configured.</summary>
    public LoopbackIssuer Tenant { get; }

    public IBotRequestAuthenticator Authenticator { get; }

    public static async Task<AuthenticatorHarness> StartAsync(string? appId = AppId, string? tenantId = null, ILoggerProvider? logs = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
        var channel = await LoopbackIssuer.StartAsync(new LoopbackIssuerOptions { Clock = clock });
        var tenant = await LoopbackIssuer.StartAsync(new LoopbackIssuerOptions
        {
            Clock = clock,
            Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0",
            Endorsements = null,
        });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppTenantId"] = tenantId,
            ["ToBotFromChannelOpenIdMetadataUrl"] = channel.MetadataUrl,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(logging =>
            {
                if (logs is not null)
                {
                    logging.AddProvider(logs);
                }
            })
            .AddSingleton<TimeProvider>(clock)
            .AddBotAuthentication(configuration)
            .Configure<BotAuthenticationOptions>(options => options.TenantOpenIdMetadataUrlTemplate = tenant.MetadataUrl)
            .BuildServiceProvider();
        return new AuthenticatorHarness(clock, channel, tenant, services);
    }

    /// <summary>A token the channel would send for <see cref="ChannelId"/> at <see cref="ServiceUrl"/>.</summary>
    public static LoopbackTokenOptions ValidToken() => new()
    {
        Audience = AppId,
        ServiceUrl = ServiceUrl,
        ExtraClaims = new Dictionary<string, object> { ["appid"] = "https://api.botframework.com" },
    };

    public Task<BotAuthenticationResult> AuthenticateAsync(string token, string channelId = ChannelId, string serviceUrl = ServiceUrl) =>
        Authenticator.AuthenticateAsync("Bearer " + token, channelId, serviceUrl, CancellationToken.None);

    public Task<BotAuthenticationResult> AuthenticateAsync(LoopbackTokenOptions token) =>
        AuthenticateAsync(Channel.CreateToken(token));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Channel.DisposeAsync();
        await Tenant.DisposeAsync();
    }
}

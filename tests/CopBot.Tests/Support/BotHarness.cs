using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CopBot.Outbox;
using CopBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests.Support;

/// <summary>
/// The real bot pipeline (WebApplicationFactory over Program) wired to a real Azurite (tables and the outbox's
/// queues), a loopback fake connector that records what the bot sends, and, when authenticated, a loopback OpenID
/// issuer that signs channel tokens. Each harness gets its own table prefix (and so its own queues), so tests
/// sharing one Azurite never see each other's rows. <see cref="PostAsync"/> returns once the outbox is drained, so
/// the notifications a turn enqueued have been sent when a test looks at <see cref="Sent"/>.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    public const string AppId = "b5d2f0e4-8c1a-4f3b-9e6d-7a2c1b0f9e8d";
    public const string AppPassword = "test-secret-not-real";

    private readonly Action<IServiceCollection>? _configureServices;

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private bool _ownsConnector = true;

    private BotHarness(
        FakeConnectorServer connector, LoopbackIssuer? issuer, string tablePrefix, string connectionString,
        Action<IServiceCollection>? configureServices, IReadOnlyDictionary<string, string?>? settings)
    {
        Connector = connector;
        Issuer = issuer;
        TablePrefix = tablePrefix;
        ConnectionString = connectionString;
        _configureServices = configureServices;
        _settings = settings ?? new Dictionary<string, string?>();
        (Factory, Client) = CreateBot();
    }

    public WebApplicationFactory<Program> Factory { get; private set; }

    public FakeConnectorServer Connector { get; }

    /// <summary>Null in anonymous mode.</summary>
    public LoopbackIssuer? Issuer { get; }

    public HttpClient Client { get; private set; }

    public string TablePrefix { get; }

    public string ConnectionString { get; }

    public IServiceProvider Services => Factory.Services;

    public static async Task<BotHarness> StartAsync(
        AzuriteFixture azurite,
        bool authenticated = true,
        Action<IServiceCollection>? configureServices = null,
        string? connectionString = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        string? tablePrefix = null,
        FakeConnectorServer? connector = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var issuer = authenticated ? await LoopbackIssuer.StartAsync() : null;
        var shared = connector is not null;
        connector ??= await FakeConnectorServer.StartAsync();
        var prefix = tablePrefix ?? "T" + Guid.NewGuid().ToString("N")[..12];
        var harness = new BotHarness(connector, issuer, prefix, connectionString ?? azurite.ConnectionString, configureServices, settings)
        {
            // A second instance on the same storage and connector (scale-out tests) leaves the connector to the first.
            _ownsConnector = !shared,
        };
        await harness.WaitForStorageAsync();
        return harness;
    }

    /// <summary>Stops the bot and starts a new instance on the same storage and connector: nothing in memory survives.</summary>
    public async Task RestartAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        (Factory, Client) = CreateBot();
        await WaitForStorageAsync();
        await RefreshExpertIndexAsync();
    }

    private (WebApplicationFactory<Program>, HttpClient) CreateBot()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Tables", ConnectionString);
            web.UseSetting("CopBot:TablePrefix", TablePrefix);
            web.UseSetting("BotConnector:RetryBaseDelay", "00:00:00.050");
            // Quick outbox retries and polls, so a failed send is retried within a test's time.
            web.UseSetting("CopBot:Outbox:RetryDelay", "00:00:00.050");
            web.UseSetting("CopBot:Outbox:PollInterval", "00:00:00.100");
            web.UseSetting("CopBot:Outbox:VisibilityTimeout", "00:00:05");
            foreach (var (key, value) in _settings)
            {
                web.UseSetting(key, value);
            }
            if (Issuer is not null)
            {
                web.UseSetting("MicrosoftAppId", AppId);
                web.UseSetting("MicrosoftAppPassword", AppPassword);
                web.UseSetting("MicrosoftAppType", "MultiTenant");
                web.UseSetting("ToBotFromChannelOpenIdMetadataUrl", Issuer.MetadataUrl);
                web.UseSetting("ToBotFromChannelTokenIssuer", Issuer.Issuer);
                web.UseSetting("ToChannelFromBotLoginUrl", Connector.TokenUrl);
            }

            if (_configureServices is not null)
            {
                web.ConfigureTestServices(_configureServices);
            }
        });
        return (factory, factory.CreateClient());
    }

    /// <summary>
    /// Another bot instance on the same storage and connector, as in a scaled-out deployment: the two share nothing
    /// in memory. Its routing index is built before it is returned.
    /// </summary>
    public async Task<OtherBotInstance> StartOtherInstanceAsync()
    {
        var (factory, client) = CreateBot();
        var other = new OtherBotInstance(factory, client, this);
        await other.Services.GetRequiredService<CopBot.Storage.CopBotTables>().EnsureCreatedAsync(CancellationToken.None);
        await other.Services.GetRequiredService<CopBot.Community.ExpertIndexHolder>().RefreshAsync(other.Services.GetRequiredService<CopBot.Community.IProfileStore>());
        return other;
    }

    /// <summary>Rebuilds the routing index now, as the background refresher would within its interval.</summary>
    public Task RefreshExpertIndexAsync() =>
        Services.GetRequiredService<CopBot.Community.ExpertIndexHolder>().RefreshAsync(Services.GetRequiredService<CopBot.Community.IProfileStore>());

    /// <summary>A recorded Teams payload with its serviceUrl pointed at the fake connector.</summary>
    public JsonObject Payload(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Payloads", name + ".json");
        var activity = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        activity["serviceUrl"] = Connector.ServiceUrl;
        return activity;
    }

    /// <summary>The recorded personal-chat message asking for <c>help</c>, with its own activity id.</summary>
    public JsonObject HelpMessage(string id)
    {
        var message = Payload("personal-message");
        message["id"] = id;
        message["text"] = "help";
        return message;
    }

    /// <summary>A valid channel token for this activity (issuer, audience, endorsement, serviceurl all right).</summary>
    public string TokenFor(JsonObject activity) =>
        Issuer!.CreateToken(new LoopbackTokenOptions { Audience = AppId, ServiceUrl = (string?)activity["serviceUrl"] });

    /// <summary>Posts the activity and waits until the outbox has sent what the turn enqueued.</summary>
    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = null) =>
        PostRawAsync(activity.ToJsonString(), "application/json", token ?? (Issuer is null ? null : TokenFor(activity)));

    /// <summary>Posts the activity and returns with the turn's answer, leaving the outbox's work in flight.</summary>
    public Task<HttpResponseMessage> PostUndrainedAsync(JsonObject activity) =>
        SendAsync(activity.ToJsonString(), "application/json", Issuer is null ? null : TokenFor(activity));

    public async Task<HttpResponseMessage> PostRawAsync(string body, string contentType, string? token)
    {
        var response = await SendAsync(body, contentType, token);
        await DrainOutboxAsync();
        return response;
    }

    /// <summary>
    /// Waits until the outbox queue is empty (every message sent and deleted, or moved to the poison queue). Does
    /// nothing when the outbox is off or its queue cannot be reached (e.g. during a simulated outage).
    /// </summary>
    public async Task DrainOutboxAsync(TimeSpan? timeout = null)
    {
        if (Services.GetService<OutboxQueues>() is not { } queues)
        {
            return;
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            int count;
            try
            {
                count = (await queues.Main.GetPropertiesAsync()).Value.ApproximateMessagesCount;
            }
            catch (Azure.RequestFailedException)
            {
                return;
            }

            if (count == 0)
            {
                return;
            }

            if (waited.Elapsed > (timeout ?? DrainTimeout))
            {
                throw new TimeoutException($"The outbox still holds {count} messages after {waited.Elapsed.TotalSeconds:0} s.");
            }

            // The worker's idle poll runs on the injected clock, which a test's fake clock never moves: a message that
            // became visible again (a retry after a failure, a deferred copy) is picked up on this nudge instead.
            Services.GetService<OutboxSignal>()?.Wake();
            await Task.Delay(25);
        }
    }

    private Task<HttpResponseMessage> SendAsync(string body, string contentType, string? token) =>
        SendRawAsync(Client, Services, body, contentType, token);

    /// <summary>
    /// Posts to the bot and returns once the activity's turn has ended: an acknowledged activity's turn runs after the
    /// HTTP answer (see <see cref="CopBot.Turns.BackgroundTurns"/>), and tests look at what it did.
    /// </summary>
    internal static async Task<HttpResponseMessage> SendRawAsync(HttpClient client, IServiceProvider services, string body, string contentType, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await client.SendAsync(request);
        if (TurnKey(body) is { } key)
        {
            await services.GetRequiredService<CopBot.Turns.BackgroundTurns>().WhenFinishedAsync(key).WaitAsync(DrainTimeout);
        }

        return response;
    }

    // The key the bot runs an acknowledged activity's turn under; null for a body that is not an activity.
    private static string? TurnKey(string body)
    {
        static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        try
        {
            var activity = JsonNode.Parse(body) as JsonObject;
            var (channel, conversation, id) = (Text(activity?["channelId"]), Text((activity?["conversation"] as JsonObject)?["id"]), Text(activity?["id"]));
            return channel is null || conversation is null || id is null
                ? null
                : CopBot.Turns.TurnProcessor.KeyOf(new CopBot.Community.InboundActivity(channel, conversation, id, ""));
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Connector calls the bot made (token requests excluded).</summary>
    public IReadOnlyList<RecordedRequest> Sent => [.. Connector.Requests.Where(r => r.Path.Contains("/v3/", StringComparison.Ordinal))];

    /// <summary>Adaptive Card contents of everything the bot sent, in order.</summary>
    public IReadOnlyList<JsonObject> SentCards =>
        [.. Sent.SelectMany(r => r.Json?["attachments"]?.AsArray() ?? [])
            .Where(a => (string?)a?["contentType"] == "application/vnd.microsoft.card.adaptive")
            .Select(a => a!["content"]!.AsObject())];

    /// <summary>The host creates tables and queues in the background at start; tests wait for that instead of racing it.</summary>
    private async Task WaitForStorageAsync()
    {
        await Services.GetRequiredService<CopBot.Storage.CopBotTables>().EnsureCreatedAsync(CancellationToken.None);
        if (Services.GetService<OutboxQueues>() is { } queues)
        {
            await queues.EnsureCreatedAsync(CancellationToken.None);
            await Services.GetRequiredService<OutboxDeliveries>().EnsureCreatedAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        if (_ownsConnector)
        {
            await Connector.DisposeAsync();
        }

        if (Issuer is not null)
        {
            await Issuer.DisposeAsync();
        }
    }
}

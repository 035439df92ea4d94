using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CopBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.EndToEndTests.Support;

/// <summary>
/// One test's world: the real bot, a fresh Agents Playground pointed at it, and the playground's conversation
/// WebSocket, already connected. The helpers drive the playground's scripting API as the web UI would.
/// Disposing stops everything it started, also when the test failed.
/// </summary>
public sealed class EndToEndHarness : IAsyncDisposable
{
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(15);

    private readonly AzuriteFixture _azurite;

    private EndToEndHarness(AzuriteFixture azurite, PlaygroundTenant tenant, BotServer bot, PlaygroundProcess playground, ConversationFeed feed, HttpClient http, FakeTimeProvider? clock)
    {
        _azurite = azurite;
        Clock = clock;
        Tenant = tenant;
        Bot = bot;
        Playground = playground;
        Feed = feed;
        Http = http;
    }

    public PlaygroundTenant Tenant { get; }

    public BotServer Bot { get; private set; }

    /// <summary>The bot's clock when the test gave one (it survives restarts); null on the system clock.</summary>
    public FakeTimeProvider? Clock { get; }

    public PlaygroundProcess Playground { get; }

    public ConversationFeed Feed { get; }

    private HttpClient Http { get; }

    /// <summary>Starts the bot and a playground; with <paramref name="clock"/> the bot runs on that fake clock (deadlines on demand).</summary>
    public static async Task<EndToEndHarness> StartAsync(AzuriteFixture azurite, FakeTimeProvider? clock = null)
    {
        var tenant = new PlaygroundTenant();
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var ports = LoopbackPorts.Free(2);
        var botPort = ports[0];
        // Both start at once (the playground needs only the bot's address until the first activity): ~1 s less per test.
        var starting = BotServer.StartAsync(azurite, botPort, clock: clock);
        var launching = PlaygroundProcess.StartAsync(tenant, BotServer.EndpointOn(botPort), ports[1], http);
        try
        {
            await Task.WhenAll(starting, launching);
            var (bot, playground) = (starting.Result, launching.Result);
            var feed = await ConversationFeed.ConnectAsync(playground.Port);
            return new EndToEndHarness(azurite, tenant, bot, playground, feed, http, clock);
        }
        catch
        {
            // Whichever of the two did start must still be stopped.
            await DisposeAllAsync(null, await Completed(launching), await Completed(starting), http);
            throw;
        }
    }

    /// <summary>
    /// The demo community's team: the bot (on <paramref name="clock"/> when given) with the demo profiles, installed in
    /// the team's General channel, its welcome card received.
    /// </summary>
    public static async Task<EndToEndHarness> StartInTeamChannelAsync(AzuriteFixture azurite, FakeTimeProvider? clock = null)
    {
        var e2e = await StartAsync(azurite, clock);
        try
        {
            await DemoCommunity.SeedAsync(e2e);
            await e2e.InstallAsync(e2e.Tenant.TeamId);
            await e2e.WaitForBotMessageAsync(m => m.ConversationId == e2e.Tenant.TeamId && m.Cards.Count > 0);
            return e2e;
        }
        catch
        {
            await e2e.DisposeAsync();
            throw;
        }
    }

    /// <summary>The current user mentions the bot with <paramref name="command"/> in the General channel; returns the thread it starts.</summary>
    public async Task<string> CommandInChannelAsync(string command) =>
        (await SendAsync(Tenant.TeamId, command, mentionBot: true)).PostConversationId
        ?? throw new InvalidOperationException("The playground started no thread for a channel message.");

    /// <summary>The first bot message in <paramref name="conversationId"/> whose first card starts with the title <paramref name="title"/>.</summary>
    public Task<PlaygroundMessage> WaitForCardAsync(string conversationId, string title) =>
        WaitForBotMessageAsync(m => m.ConversationId == conversationId && m.Cards.Count > 0 && CardAssert.Texts(m.Cards[0])[0] == title);

    /// <summary>An in-place update of the bot's message <paramref name="messageId"/> whose first card passes <paramref name="check"/>.</summary>
    public Task<PlaygroundMessage> WaitForUpdateAsync(string messageId, Func<JsonObject, bool> check) =>
        WaitForBotMessageAsync(m => m.Action == "updateMessage" && m.MessageId == messageId && m.Cards.Count > 0 && check(m.Cards[0]));

    private static async Task<T?> Completed<T>(Task<T> task)
        where T : class
    {
        try
        {
            return await task;
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>
    /// Stops the bot and starts a new instance on the same port, storage and clock, while the playground (and
    /// everything it shows) stays: nothing the bot kept in memory survives. The routing index is rebuilt before it returns.
    /// </summary>
    public async Task RestartBotAsync()
    {
        var (port, prefix) = (Bot.Port, Bot.TablePrefix);
        await Bot.DisposeAsync();
        Bot = await BotServer.StartAsync(_azurite, port, prefix, Clock);
        await DemoCommunity.RefreshIndexAsync(this);
    }

    /// <summary>
    /// Moves the bot's fake clock by <paramref name="jump"/>, then a minute at a time (the deadline loops wait on it
    /// and may be mid-check at the first move) until a bot message matches <paramref name="predicate"/>.
    /// </summary>
    public async Task<PlaygroundMessage> AdvanceClockUntilAsync(TimeSpan jump, Func<PlaygroundMessage, bool> predicate)
    {
        var clock = Clock ?? throw new InvalidOperationException("This harness runs on the system clock: start it with a FakeTimeProvider.");
        clock.Advance(jump);
        var deadline = DateTime.UtcNow + ReplyTimeout;
        while (true)
        {
            try
            {
                return await Feed.WaitForBotMessageAsync(predicate, TimeSpan.FromMilliseconds(500));
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
            }
        }
    }

    /// <summary>What the web UI does on opening a conversation: the bot gets installationUpdate and conversationUpdate.</summary>
    public async Task InstallAsync(string conversationId)
    {
        using var response = await Http.PostAsJsonAsync(Url($"_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation"), new JsonObject());
        await EnsureSuccessAsync(response, "installation");
    }

    /// <summary>
    /// Opens <paramref name="userId"/>'s 1:1 chat with the bot through the playground's connector API (the call
    /// the bot itself makes before a private card) and returns its id. The playground keeps one such chat per
    /// user, so the bot later gets the same chat: a browser window can show it from the start.
    /// </summary>
    public async Task<string> OpenPersonalChatAsync(string userId)
    {
        var body = new JsonObject
        {
            ["isGroup"] = false,
            ["bot"] = new JsonObject { ["id"] = Tenant.BotId },
            ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
            ["tenantId"] = Tenant.TenantId,
        };
        using var response = await Http.PostAsJsonAsync(new Uri(Playground.ServiceUrl + "/v3/conversations"), body);
        var json = await ReadJsonAsync(response, "personal chat");
        return (string?)json["id"] ?? throw new InvalidOperationException("The playground created a chat without an id.");
    }

    /// <summary>The current user posts <paramref name="text"/>; in a channel or group chat the bot only sees it when mentioned.</summary>
    public async Task<SentMessage> SendAsync(string conversationId, string text, bool mentionBot)
    {
        var mention = $"<at>{Tenant.BotName}</at>";
        var body = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = Tenant.CurrentUser.Id },
            ["text"] = mentionBot ? $"{mention} {text}" : text,
            ["textFormat"] = "plain",
        };
        if (mentionBot)
        {
            body["mentions"] = new JsonArray(new JsonObject
            {
                ["mentioned"] = new JsonObject { ["id"] = Tenant.BotId, ["name"] = Tenant.BotName },
                ["text"] = mention,
            });
        }

        using var response = await Http.PostAsJsonAsync(Url($"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages"), body);
        var json = await ReadJsonAsync(response, "message");
        return new SentMessage((string)json["messageId"]!, (string?)json["postConversationId"]);
    }

    /// <summary>
    /// Presses an Action.Execute button on the bot's card <paramref name="replyToId"/> (its playground message id)
    /// as <paramref name="fromId"/> (default: the current user). Returns the playground's answer: the bot's invoke
    /// response without its statusCode, <c>{type, value}</c>.
    /// </summary>
    public async Task<JsonObject> InvokeAsync(string conversationId, string replyToId, string verb, JsonObject? data, string? fromId = null)
    {
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["from"] = new JsonObject { ["id"] = fromId ?? Tenant.CurrentUser.Id },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = replyToId,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? new JsonObject() },
                ["trigger"] = "manual",
            },
        };
        using var response = await Http.PostAsJsonAsync(Url("_conversation/v1/invoke"), body);
        return await ReadJsonAsync(response, "invoke");
    }

    public Task<PlaygroundMessage> WaitForBotMessageAsync(Func<PlaygroundMessage, bool> predicate, TimeSpan? timeout = null) =>
        Feed.WaitForBotMessageAsync(predicate, timeout ?? ReplyTimeout);

    private Uri Url(string relative) => new(Playground.BaseAddress, relative);

    private async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response, string what)
    {
        await EnsureSuccessAsync(response, what);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())?.AsObject()
            ?? throw new InvalidOperationException($"The playground answered the {what} with an empty body.");
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"The playground refused the {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}. {Playground.Diagnostics()}");
        }
    }

    public async ValueTask DisposeAsync() => await DisposeAllAsync(Feed, Playground, Bot, Http);

    private static async Task DisposeAllAsync(ConversationFeed? feed, PlaygroundProcess? playground, BotServer? bot, HttpClient http)
    {
        // Feed before playground (so its end is not reported as a failure), playground before bot.
        if (feed is not null)
        {
            await feed.DisposeAsync();
        }

        if (playground is not null)
        {
            await playground.DisposeAsync();
        }

        if (bot is not null)
        {
            await bot.DisposeAsync();
        }

        http.Dispose();
    }
}

/// <summary>The playground's answer to a user message; <see cref="PostConversationId"/> is set when it started a channel thread.</summary>
public sealed record SentMessage(string MessageId, string? PostConversationId);

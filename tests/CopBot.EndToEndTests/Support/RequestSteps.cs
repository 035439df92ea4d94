using System.Text.Json.Nodes;
using CopBot.Community;
using CopBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.EndToEndTests.Support;

/// <summary>
/// The steps the request modality tests (query, discuss, consult, collaborate) take alike: the demo team on a fake clock,
/// a request opened in the General channel, its id read from the thread card, the stored request read from the running
/// bot (after a restart too), and an invitee's 1:1 card found in storage and pressed as them.
/// </summary>
/// <remarks>
/// The playground speaks only as its current user (the requester) and does not show other users' 1:1 chats, so an
/// invitee's card is found in the bot's storage and pressed through the playground's invoke API with the invitee's id.
/// </remarks>
internal static class RequestSteps
{
    /// <summary>The community the demo team's requests are stored under.</summary>
    public const string Community = "default";

    /// <summary>Monday 2 March 2026, 08:00 UTC: where the fake clock starts (the dates the tests type follow from it).</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The demo team with the bot installed in its General channel, on a fake clock set to <see cref="Start"/>.</summary>
    public static Task<EndToEndHarness> StartOnFakeClockAsync(AzuriteFixture azurite) =>
        EndToEndHarness.StartInTeamChannelAsync(azurite, new FakeTimeProvider(Start));

    /// <summary>Sends <paramref name="command"/> in the channel; returns the thread it starts and the bot's card there titled <paramref name="title"/>, checked valid.</summary>
    public static async Task<(string Thread, PlaygroundMessage Card)> OpenInChannelAsync(this EndToEndHarness e2e, string command, string title, string what)
    {
        ArgumentNullException.ThrowIfNull(e2e);
        var thread = await e2e.CommandInChannelAsync(command);
        return (thread, await e2e.WaitForValidCardAsync(thread, title, what));
    }

    /// <summary>The bot's first card in <paramref name="thread"/> titled <paramref name="title"/>, checked valid.</summary>
    public static async Task<PlaygroundMessage> WaitForValidCardAsync(this EndToEndHarness e2e, string thread, string title, string what)
    {
        ArgumentNullException.ThrowIfNull(e2e);
        var message = await e2e.WaitForCardAsync(thread, title);
        CardAssert.Valid(message.Cards[0], what);
        return message;
    }

    /// <summary>An in-place update of the bot's message <paramref name="messageId"/> whose card passes <paramref name="check"/>, checked valid.</summary>
    public static async Task<PlaygroundMessage> WaitForValidUpdateAsync(this EndToEndHarness e2e, string messageId, Func<JsonObject, bool> check, string what)
    {
        ArgumentNullException.ThrowIfNull(e2e);
        var update = await e2e.WaitForUpdateAsync(messageId, check);
        CardAssert.Valid(update.Cards[0], what);
        return update;
    }

    /// <summary>The request id <paramref name="key"/> in the data of the first Action.Execute of the message's card that carries it.</summary>
    public static string RequestId(PlaygroundMessage message, string key)
    {
        ArgumentNullException.ThrowIfNull(message);
        return CardAssert.ExecuteActions(message.Cards[0]).Select(a => (string?)a["data"]?[key]).FirstOrDefault(id => id is not null)
            ?? throw new InvalidOperationException($"No button on the card carries {key}.");
    }

    /// <summary>The store <typeparamref name="TStore"/> of the bot running now (a restart starts a new one).</summary>
    public static TStore Store<TStore>(this EndToEndHarness e2e)
        where TStore : notnull
    {
        ArgumentNullException.ThrowIfNull(e2e);
        return e2e.Bot.Services.GetRequiredService<TStore>();
    }

    /// <summary>The demo community's request <paramref name="requestId"/> as stored now.</summary>
    public static Task<T?> ReadAsync<T>(this IRequestStore<T> store, string requestId)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.GetAsync(Community, requestId, CancellationToken.None);
    }

    /// <summary>The demo community's query <paramref name="requestId"/> as stored now.</summary>
    public static Task<QueryRequest?> ReadAsync(this IQueryStore store, string requestId)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.GetAsync(Community, requestId, CancellationToken.None);
    }

    /// <summary>
    /// The invitee <paramref name="find"/> picks in the stored request once the bot has sent them its 1:1 card (the
    /// invitation goes out after the turn that opened the request).
    /// </summary>
    public static Task<TInvitee> WaitForPersonalCardAsync<T, TInvitee>(this IRequestStore<T> store, string requestId, Func<T, TInvitee?> find, string what)
        where T : class
        where TInvitee : class, IInvitee =>
        Poll.UntilAsync(
            async () => await store.ReadAsync(requestId) is { } request ? find(request) : null,
            i => i is { NotifiedBy: NotificationChannel.PersonalCard, CardActivityId: not null },
            what);

    /// <summary>Presses <paramref name="verb"/> on <paramref name="invitee"/>'s 1:1 card as them; returns the invoke's answer <c>{type, value}</c>.</summary>
    public static Task<JsonObject> PressAsAsync(this EndToEndHarness e2e, IInvitee invitee, string verb, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(e2e);
        ArgumentNullException.ThrowIfNull(invitee);
        return e2e.InvokeAsync(invitee.PersonalConversationId!, invitee.CardActivityId!, verb, data, fromId: invitee.MemberId);
    }

    /// <summary>The invoke answer's value (the card or message the pressed button is answered with) as JSON text.</summary>
    public static string ValueText(JsonObject answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer["value"]!.ToJsonString();
    }
}

using CopBot.Protocol;
using CopBot.Turns;

namespace CopBot.Tests;

public sealed class TurnRouterTests
{
    private sealed class Feature(IEnumerable<TurnRoute> routes, IEnumerable<CardActionRoute>? actions = null) : IBotFeature
    {
        public IEnumerable<TurnRoute> Routes => routes;

        public IEnumerable<CardActionRoute> CardActions => actions ?? [];
    }

    private static TurnContext Message(string text) =>
        new(new Activity { Type = ActivityTypes.Message, Text = text, Conversation = new ConversationAccount { Id = "c" }, ServiceUrl = "http://127.0.0.1:1/" }, null!);

    [Fact]
    public async Task DispatchAsync_FallbackRegisteredFirst_SpecificRouteStillWins()
    {
        var hit = new List<string>();
        var router = new TurnRouter(
        [
            new Feature([new("fallback", _ => true, (_, _) => { hit.Add("fallback"); return Task.CompletedTask; }, TurnRoute.Fallback)]),
            new Feature([new("help", t => t.Command.Is("help"), (_, _) => { hit.Add("help"); return Task.CompletedTask; })]),
        ]);

        var route = await router.DispatchAsync(Message("help me"), CancellationToken.None);

        Assert.Equal("help", route);
        Assert.Equal(["help"], hit);
    }

    [Fact]
    public async Task DispatchAsync_NothingMatchesAnInvoke_501()
    {
        var router = new TurnRouter([]);
        var turn = new TurnContext(new Activity { Type = ActivityTypes.Invoke, Name = "task/fetch", Conversation = new ConversationAccount { Id = "c" } }, null!);

        var route = await router.DispatchAsync(turn, CancellationToken.None);

        Assert.Equal("unhandled", route);
        Assert.Equal(501, turn.InvokeResponse!.Status);
    }

    [Fact]
    public void Constructor_TwoFeaturesClaimTheSameVerb_Throws()
    {
        CardActionRoute Claim() => new("same.verb", (_, _, _) => Task.FromResult(CardActionResult.Say("x")));

        Assert.Throws<ArgumentException>(() => new TurnRouter([new Feature([], [Claim()]), new Feature([], [Claim()])]));
    }
}

using System.Net;
using System.Text.Json.Nodes;
using CopBot.Testing;
using CopBot.Tests.Support;

namespace CopBot.Tests;

/// <summary>
/// The Bot Framework channel rules end to end: every bad token gets 401 through the real pipeline, and a refused
/// activity leaves no trace (nothing sent, nothing stored).
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class BotAuthenticationTests(AzuriteFixture azurite)
{
    public static TheoryData<string> BadTokens =>
    [
        "missing", "unsigned", "alg-none", "hs256-with-public-key", "expired", "not-yet-valid", "wrong-audience",
        "wrong-issuer", "key-without-endorsement", "serviceurl-mismatch", "replayed-for-another-serviceurl", "garbage",
    ];

    private static string? Token(BotHarness bot, JsonObject activity, string kind)
    {
        var serviceUrl = (string)activity["serviceUrl"]!;
        var now = DateTimeOffset.UtcNow;
        LoopbackTokenOptions Valid() => new() { Audience = BotHarness.AppId, ServiceUrl = serviceUrl };
        return kind switch
        {
            "missing" => null,
            "garbage" => "not-a-jwt",
            "unsigned" => bot.Issuer!.CreateToken(Valid() with { StripSignature = true }),
            "alg-none" => bot.Issuer!.CreateToken(Valid() with { Algorithm = "none" }),
            "hs256-with-public-key" => bot.Issuer!.CreateToken(Valid() with { Algorithm = "HS256" }),
            "expired" => bot.Issuer!.CreateToken(Valid() with { NotBefore = now.AddHours(-2), Expires = now.AddHours(-1) }),
            "not-yet-valid" => bot.Issuer!.CreateToken(Valid() with { NotBefore = now.AddHours(1), Expires = now.AddHours(2) }),
            "wrong-audience" => bot.Issuer!.CreateToken(Valid() with { Audience = "00000000-0000-0000-0000-000000000bad" }),
            "wrong-issuer" => bot.Issuer!.CreateToken(Valid() with { Issuer = "https://evil.example.com" }),
            "key-without-endorsement" => bot.Issuer!.CreateToken(Valid() with { SigningKeyId = bot.Issuer.UnendorsedKeyId }),
            "serviceurl-mismatch" => bot.Issuer!.CreateToken(Valid() with { ServiceUrl = "https://smba.trafficmanager.net/amer/" }),
            "replayed-for-another-serviceurl" => bot.Issuer!.CreateToken(Valid() with { ServiceUrl = serviceUrl + "other/" }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task PostActivity_InvalidToken_401AndNothingProcessed(string kind)
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var activity = bot.Payload("channel-message-mention");
        var token = Token(bot, activity, kind);

        using var response = await bot.PostRawAsync(activity.ToJsonString(), "application/json", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Empty(bot.Sent);
        Assert.Equal(0, await bot.CountTurnRowsAsync());
    }

    [Fact]
    public async Task PostActivity_ValidToken_Accepted()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var activity = bot.Payload("channel-message-mention");

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Sent);
    }

    [Fact]
    public async Task PostActivity_AnonymousModeWithoutToken_AcceptedAndRepliesWithoutAuthorization()
    {
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false);
        var activity = bot.Payload("personal-message");
        activity["text"] = "help";

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(bot.Sent);
        Assert.Null(reply.Authorization);
        Assert.Equal(0, bot.Connector.TokenRequestCount);
    }
}

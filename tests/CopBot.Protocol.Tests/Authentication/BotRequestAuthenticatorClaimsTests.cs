namespace CopBot.Protocol.Tests.Authentication;

public sealed class BotRequestAuthenticatorClaimsTests
{
    [Fact]
    public async Task AuthenticateAsync_WrongAudience_FailsOnAudience()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { Audience = "another-bot" });

        Assert.False(result.Succeeded);
        Assert.Equal("The token's audience is not this bot's app id.", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongIssuer_FailsOnIssuerWithoutFetchingMetadata()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { Issuer = "https://evil.example.com" });

        Assert.False(result.Succeeded);
        Assert.Equal("The token's issuer is not trusted.", result.FailureReason);
        Assert.Equal(0, harness.Channel.MetadataRequestCount);
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlClaimMismatch_FailsOnServiceUrl()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { ServiceUrl = "https://smba.trafficmanager.net/amer/" });

        Assert.False(result.Succeeded);
        Assert.Equal("The token's serviceurl claim does not match the activity's serviceUrl.", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_NoServiceUrlClaim_FailsOnServiceUrl()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { ServiceUrl = null });

        Assert.False(result.Succeeded);
        Assert.Equal("The token has no serviceurl claim.", result.FailureReason);
    }

    [Theory]
    [InlineData("https://attacker.example.com/")]
    [InlineData("https://SMBA.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/emea//")]
    public async Task AuthenticateAsync_TokenReplayedForAnotherServiceUrl_FailsOnServiceUrl(string activityServiceUrl)
    {
        await using var harness = await AuthenticatorHarness.StartAsync();
        var token = harness.Channel.CreateToken(AuthenticatorHarness.ValidToken());

        var result = await harness.AuthenticateAsync(token, serviceUrl: activityServiceUrl);

        Assert.False(result.Succeeded);
        Assert.Equal("The token's serviceurl claim does not match the activity's serviceUrl.", result.FailureReason);
    }
}

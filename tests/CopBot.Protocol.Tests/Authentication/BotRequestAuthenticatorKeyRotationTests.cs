namespace CopBot.Protocol.Tests.Authentication;

public sealed class BotRequestAuthenticatorKeyRotationTests
{
    [Fact]
    public async Task AuthenticateAsync_KeyRotatedAfterCaching_RefreshesAndSucceeds()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();
        Assert.True((await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken())).Succeeded);
        var rotated = harness.Channel.AddKey(["msteams"]);

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { SigningKeyId = rotated });

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(2, harness.Channel.JwksRequestCount);
    }

    [Fact]
    public async Task AuthenticateAsync_SecondUnknownKeyWithinInterval_FailsWithoutRefetching()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();
        var unpublished = harness.Channel.AddKey(["msteams"], publish: false);
        Assert.False((await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { SigningKeyId = unpublished })).Succeeded);
        harness.Channel.PublishKey(unpublished);
        var requestsBefore = harness.Channel.JwksRequestCount;

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { SigningKeyId = unpublished });

        Assert.False(result.Succeeded);
        Assert.Equal("The token's signing key is unknown.", result.FailureReason);
        Assert.Equal(requestsBefore, harness.Channel.JwksRequestCount);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKeyAfterInterval_RefreshesAgainAndSucceeds()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();
        var unpublished = harness.Channel.AddKey(["msteams"], publish: false);
        Assert.False((await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { SigningKeyId = unpublished })).Succeeded);
        harness.Channel.PublishKey(unpublished);
        harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { SigningKeyId = unpublished });

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_RotatedKeyUsedConcurrently_FetchesOnce()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();
        Assert.True((await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken())).Succeeded);
        var rotated = harness.Channel.AddKey(["msteams"]);
        var token = harness.Channel.CreateToken(AuthenticatorHarness.ValidToken() with { SigningKeyId = rotated });

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => harness.AuthenticateAsync(token)));

        Assert.All(results, result => Assert.True(result.Succeeded, result.FailureReason));
        Assert.Equal(2, harness.Channel.JwksRequestCount);
    }
}

namespace CopBot.Protocol.Tests.Authentication;

public sealed class BotRequestAuthenticatorLifetimeTests
{
    [Fact]
    public async Task AuthenticateAsync_ExpiredBeyondSkew_FailsAsExpired()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();
        var token = harness.Channel.CreateToken(AuthenticatorHarness.ValidToken());
        harness.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(6));

        var result = await harness.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("The token has expired.", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredWithinSkew_Succeeds()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();
        var token = harness.Channel.CreateToken(AuthenticatorHarness.ValidToken());
        harness.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(4));

        var result = await harness.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_NotBeforeBeyondSkew_FailsAsNotYetValid()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();
        var now = harness.Clock.GetUtcNow();

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { NotBefore = now.AddMinutes(6) });

        Assert.False(result.Succeeded);
        Assert.Equal("The token is not valid yet.", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_NotBeforeWithinSkew_Succeeds()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();
        var now = harness.Clock.GetUtcNow();

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { NotBefore = now.AddMinutes(4) });

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_NotBeforeAfterExpiry_FailsOnLifetime()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();
        var now = harness.Clock.GetUtcNow();

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { NotBefore = now.AddMinutes(2), Expires = now.AddMinutes(1) });

        Assert.False(result.Succeeded);
        Assert.Equal("The token's lifetime is invalid.", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_NoExpiry_FailsWithReason()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { OmitExpires = true });

        Assert.False(result.Succeeded);
        Assert.Equal("The token has no expiry.", result.FailureReason);
    }
}

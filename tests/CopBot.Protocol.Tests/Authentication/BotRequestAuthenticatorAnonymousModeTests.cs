namespace CopBot.Protocol.Tests.Authentication;

public sealed class BotRequestAuthenticatorAnonymousModeTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer garbage")]
    public async Task AuthenticateAsync_NoAppIdConfigured_SucceedsAnonymously(string? header)
    {
        await using var harness = await AuthenticatorHarness.StartAsync(appId: null);

        var result = await harness.Authenticator.AuthenticateAsync(header, "emulator", "http://localhost:3978/", CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.True(result.IsAnonymous);
        Assert.Null(result.FailureReason);
        Assert.False(result.Identity?.IsAuthenticated);
        Assert.Equal(0, harness.Channel.MetadataRequestCount);
    }

    [Fact]
    public async Task AuthenticateAsync_AppIdConfigured_IsNotAnonymous()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.Authenticator.AuthenticateAsync(null, AuthenticatorHarness.ChannelId, AuthenticatorHarness.ServiceUrl, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.IsAnonymous);
    }
}

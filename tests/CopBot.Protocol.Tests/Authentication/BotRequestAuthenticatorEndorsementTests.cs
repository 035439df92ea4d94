namespace CopBot.Protocol.Tests.Authentication;

public sealed class BotRequestAuthenticatorEndorsementTests
{
    private const string NotEndorsed = "The token's signing key is not endorsed for the activity's channel.";

    [Fact]
    public async Task AuthenticateAsync_KeyWithoutEndorsements_FailsOnEndorsement()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { SigningKeyId = harness.Channel.UnendorsedKeyId });

        Assert.False(result.Succeeded);
        Assert.Equal(NotEndorsed, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyEndorsedForOtherChannels_FailsOnEndorsement()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();
        var token = harness.Channel.CreateToken(AuthenticatorHarness.ValidToken());

        var result = await harness.AuthenticateAsync(token, channelId: "webchat");

        Assert.False(result.Succeeded);
        Assert.Equal(NotEndorsed, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_EmptyEndorsementList_FailsOnEndorsement()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();
        var keyId = harness.Channel.AddKey([]);

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { SigningKeyId = keyId });

        Assert.False(result.Succeeded);
        Assert.Equal(NotEndorsed, result.FailureReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MSTEAMS")]
    public async Task AuthenticateAsync_ChannelIdEmptyOrDifferentCase_FailsOnEndorsement(string channelId)
    {
        await using var harness = await AuthenticatorHarness.StartAsync();
        var token = harness.Channel.CreateToken(AuthenticatorHarness.ValidToken());

        var result = await harness.AuthenticateAsync(token, channelId: channelId);

        Assert.False(result.Succeeded);
        Assert.Equal(NotEndorsed, result.FailureReason);
    }
}

namespace CopBot.Protocol.Tests.Authentication;

public sealed class BotRequestAuthenticatorHeaderTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AuthenticateAsync_MissingHeader_FailsWithReason(string? header)
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.Authenticator.AuthenticateAsync(header, AuthenticatorHarness.ChannelId, AuthenticatorHarness.ServiceUrl, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Null(result.Identity);
        Assert.Equal("The Authorization header is missing.", result.FailureReason);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearertoken")]
    public async Task AuthenticateAsync_NotBearerScheme_FailsWithReason(string header)
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.Authenticator.AuthenticateAsync(header, AuthenticatorHarness.ChannelId, AuthenticatorHarness.ServiceUrl, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("The Authorization header is not a Bearer token.", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_RawTokenWithoutScheme_FailsWithReason()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();
        var token = harness.Channel.CreateToken(AuthenticatorHarness.ValidToken());

        var result = await harness.Authenticator.AuthenticateAsync(token, AuthenticatorHarness.ChannelId, AuthenticatorHarness.ServiceUrl, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("The Authorization header is not a Bearer token.", result.FailureReason);
    }

    [Theory]
    [InlineData("Bearer ")]
    [InlineData("Bearer a b")]
    public async Task AuthenticateAsync_BearerWithoutSingleToken_FailsWithReason(string header)
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.Authenticator.AuthenticateAsync(header, AuthenticatorHarness.ChannelId, AuthenticatorHarness.ServiceUrl, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("The Authorization header must be 'Bearer <token>'.", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_LowercaseBearerScheme_Succeeds()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();
        var token = harness.Channel.CreateToken(AuthenticatorHarness.ValidToken());

        var result = await harness.Authenticator.AuthenticateAsync("bearer " + token, AuthenticatorHarness.ChannelId, AuthenticatorHarness.ServiceUrl, CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.!!!.xyz")]
    public async Task AuthenticateAsync_GarbageToken_FailsAsMalformed(string token)
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("The token is not a well-formed JWT.", result.FailureReason);
        Assert.Equal(0, harness.Channel.MetadataRequestCount);
    }
}

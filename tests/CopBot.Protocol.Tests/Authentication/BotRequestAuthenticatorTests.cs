using CopBot.Protocol.Authentication;
using CopBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Protocol.Tests.Authentication;

public sealed class BotRequestAuthenticatorTests
{
    [Fact]
    public async Task AuthenticateAsync_ValidChannelToken_SucceedsWithTokenClaims()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken());

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.False(result.IsAnonymous);
        Assert.Null(result.FailureReason);
        Assert.NotNull(result.Identity);
        Assert.True(result.Identity.IsAuthenticated);
        Assert.Equal(AuthenticatorHarness.AppId, result.Identity.FindFirst("aud")?.Value);
        Assert.Equal("https://api.botframework.com", result.Identity.FindFirst("appid")?.Value);
        Assert.Equal(AuthenticatorHarness.ServiceUrl, result.Identity.FindFirst("serviceurl")?.Value);
    }

    [Theory]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task AuthenticateAsync_OtherAllowedRsaAlgorithm_Succeeds(string algorithm)
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { Algorithm = algorithm });

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_ChannelInKeyEndorsements_Succeeds()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.AuthenticateAsync(harness.Channel.CreateToken(AuthenticatorHarness.ValidToken()), channelId: "emulator");

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlDiffersByOneTrailingSlash_Succeeds()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();
        var token = harness.Channel.CreateToken(AuthenticatorHarness.ValidToken());

        var result = await harness.AuthenticateAsync(token, serviceUrl: AuthenticatorHarness.ServiceUrl.TrimEnd('/'));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_ManyRequests_FetchesMetadataOnce()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        for (var i = 0; i < 5; i++)
        {
            Assert.True((await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken())).Succeeded);
        }

        Assert.Equal(1, harness.Channel.MetadataRequestCount);
        Assert.Equal(1, harness.Channel.JwksRequestCount);
    }

    [Fact]
    public async Task AuthenticateAsync_MetadataUnreachable_FailsWithReason()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();
        var token = harness.Channel.CreateToken(AuthenticatorHarness.ValidToken());
        await harness.Channel.DisposeAsync();

        var result = await harness.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("The issuer's signing keys could not be loaded.", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_RejectedToken_LogsReasonButNeverTheToken()
    {
        var logs = new RecordingLoggerProvider();
        await using var harness = await AuthenticatorHarness.StartAsync(logs: logs);
        var token = harness.Channel.CreateToken(AuthenticatorHarness.ValidToken() with { Audience = "another-bot" });

        var result = await harness.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Contains(logs.Messages, message => message.Contains(result.FailureReason!, StringComparison.Ordinal));
        var signature = token[(token.LastIndexOf('.') + 1)..];
        Assert.DoesNotContain(logs.Messages, message => message.Contains(signature, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, message => message.Contains(token.Split('.')[1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuthenticateAsync_NoAppId_LogsAnonymousModeWarning()
    {
        var logs = new RecordingLoggerProvider();
        await using var harness = await AuthenticatorHarness.StartAsync(appId: "", logs: logs);

        var result = await harness.AuthenticateAsync("anything");

        Assert.True(result.IsAnonymous);
        Assert.Contains(logs.Messages, message => message.StartsWith("Warning MicrosoftAppId is not configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuthenticateAsync_LoopbackMetadataPointsAtPlainHttpRemoteJwks_RefusesToLoadKeys()
    {
        // https is enforced per address: a loopback metadata document cannot downgrade the JWKS fetch.
        // The address is refused before any connection, so nothing leaves the machine.
        await using var issuer = await LoopbackIssuer.StartAsync(new LoopbackIssuerOptions { JwksUri = "http://jwks.invalid/keys" });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AuthenticatorHarness.AppId,
            ["ToBotFromChannelOpenIdMetadataUrl"] = issuer.MetadataUrl,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddBotAuthentication(configuration).BuildServiceProvider();
        var token = issuer.CreateToken(AuthenticatorHarness.ValidToken());

        var result = await services.GetRequiredService<IBotRequestAuthenticator>()
            .AuthenticateAsync("Bearer " + token, AuthenticatorHarness.ChannelId, AuthenticatorHarness.ServiceUrl, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("The issuer's signing keys could not be loaded.", result.FailureReason);
        Assert.Equal(1, issuer.MetadataRequestCount);
    }
}

using System.Net;
using CopBot.Protocol.Connector;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Protocol.Tests.Connector;

public class BotTokenProviderTests
{
    [Fact]
    public async Task GetTokenAsync_AnonymousMode_ReturnsNullWithoutAskingForOne()
    {
        await using var harness = await ConnectorHarness.StartAsync(anonymous: true);

        Assert.Null(await harness.Tokens.GetTokenAsync(CancellationToken.None));
        Assert.Equal(0, harness.Server.TokenRequestCount);
    }

    [Fact]
    public async Task GetTokenAsync_Credentials_PostsClientCredentialsForm()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var token = await harness.Tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal("fake-token-1", token);
        var form = Assert.Single(harness.Server.TokenForms);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(ConnectorHarness.AppId, form["client_id"]);
        Assert.Equal(ConnectorHarness.AppPassword, form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task GetTokenAsync_CalledAgain_ReusesCachedToken()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var first = await harness.Tokens.GetTokenAsync(CancellationToken.None);
        var second = await harness.Tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(1, harness.Server.TokenRequestCount);
    }

    [Fact]
    public async Task GetTokenAsync_FiveMinutesBeforeExpiry_FetchesNewToken()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 11, 9, 0, 0, TimeSpan.Zero));
        await using var harness = await ConnectorHarness.StartAsync(clock: clock);
        await harness.Tokens.GetTokenAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(54) + TimeSpan.FromSeconds(59));
        var beforeRefresh = await harness.Tokens.GetTokenAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterRefresh = await harness.Tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal("fake-token-1", beforeRefresh);
        Assert.Equal("fake-token-2", afterRefresh);
        Assert.Equal(2, harness.Server.TokenRequestCount);
    }

    [Fact]
    public async Task GetTokenAsync_ShortLivedToken_RefreshedAtHalfLife()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 11, 9, 0, 0, TimeSpan.Zero));
        await using var harness = await ConnectorHarness.StartAsync(clock: clock);
        harness.Server.TokenLifetime = TimeSpan.FromMinutes(4);
        await harness.Tokens.GetTokenAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(1));
        await harness.Tokens.GetTokenAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        await harness.Tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal(2, harness.Server.TokenRequestCount);
    }

    [Fact]
    public async Task GetTokenAsync_ConcurrentCallers_ShareOneFetch()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => harness.Tokens.GetTokenAsync(CancellationToken.None))));

        Assert.All(tokens, t => Assert.Equal("fake-token-1", t));
        Assert.Equal(1, harness.Server.TokenRequestCount);
    }

    [Fact]
    public async Task GetTokenAsync_EndpointRefuses_ThrowsWithStatus()
    {
        await using var refusing = await ConnectorHarness.StartAsync();
        await using var wired = await ConnectorHarness.StartAsync(loginUrl: new Uri(refusing.Server.BaseAddress, "tenant/oauth2/v2.0/missing").AbsoluteUri);

        var error = await Assert.ThrowsAsync<BotTokenException>(() => wired.Tokens.GetTokenAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.DoesNotContain(ConnectorHarness.AppPassword, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTokenAsync_AppIdWithoutPassword_ExplainsWhatIsMissing()
    {
        await using var harness = await ConnectorHarness.StartAsync(password: null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Tokens.GetTokenAsync(CancellationToken.None));

        Assert.Contains("MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
    }
}

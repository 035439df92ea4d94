using CopBot.Testing;

namespace CopBot.Protocol.Tests.Authentication;

public sealed class BotRequestAuthenticatorSingleTenantTests
{
    private static LoopbackTokenOptions EntraToken(string issuer) => AuthenticatorHarness.ValidToken() with { Issuer = issuer };

    [Theory]
    [InlineData("https://login.microsoftonline.com/" + AuthenticatorHarness.TenantId + "/v2.0")]
    [InlineData("https://sts.windows.net/" + AuthenticatorHarness.TenantId + "/")]
    public async Task AuthenticateAsync_TenantIssuerWithTenantConfigured_Succeeds(string issuer)
    {
        await using var harness = await AuthenticatorHarness.StartAsync(tenantId: AuthenticatorHarness.TenantId);

        // Entra keys carry no endorsements: none is required for tenant tokens.
        var result = await harness.AuthenticateAsync(harness.Tenant.CreateToken(EntraToken(issuer)));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(1, harness.Tenant.JwksRequestCount);
        Assert.Equal(0, harness.Channel.JwksRequestCount);
    }

    [Fact]
    public async Task AuthenticateAsync_TenantIssuerWithoutTenantConfigured_FailsOnIssuer()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.AuthenticateAsync(harness.Tenant.CreateToken(EntraToken(harness.Tenant.Issuer)));

        Assert.False(result.Succeeded);
        Assert.Equal("The token's issuer is not trusted.", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_OtherTenantIssuer_FailsOnIssuer()
    {
        await using var harness = await AuthenticatorHarness.StartAsync(tenantId: AuthenticatorHarness.TenantId);

        var result = await harness.AuthenticateAsync(harness.Tenant.CreateToken(EntraToken("https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0")));

        Assert.False(result.Succeeded);
        Assert.Equal("The token's issuer is not trusted.", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_TenantIssuerSignedWithChannelKey_FailsOnUnknownKey()
    {
        await using var harness = await AuthenticatorHarness.StartAsync(tenantId: AuthenticatorHarness.TenantId);

        // Keys are looked up in the issuer's own metadata: a Bot Framework key cannot vouch for a tenant token.
        var result = await harness.AuthenticateAsync(harness.Channel.CreateToken(EntraToken(harness.Tenant.Issuer)));

        Assert.False(result.Succeeded);
        Assert.Equal("The token's signing key is unknown.", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_ChannelTokenWithTenantConfigured_StillSucceeds()
    {
        await using var harness = await AuthenticatorHarness.StartAsync(tenantId: AuthenticatorHarness.TenantId);

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken());

        Assert.True(result.Succeeded, result.FailureReason);
    }
}

namespace CopBot.Protocol.Tests.Authentication;

public sealed class BotRequestAuthenticatorSignatureTests
{
    private const string AlgorithmNotAllowed = "The token's signing algorithm is not allowed (only RS256, RS384 and RS512 are).";

    [Fact]
    public async Task AuthenticateAsync_SignatureStripped_FailsAsUnsigned()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { StripSignature = true });

        Assert.False(result.Succeeded);
        Assert.Equal("The token is not signed.", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_AlgNone_FailsOnAlgorithm()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { Algorithm = "none" });

        Assert.False(result.Succeeded);
        Assert.Equal(AlgorithmNotAllowed, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_Hs256SignedWithPublicKey_FailsOnAlgorithm()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { Algorithm = "HS256" });

        Assert.False(result.Succeeded);
        Assert.Equal(AlgorithmNotAllowed, result.FailureReason);
    }

    [Theory]
    [InlineData("ES256")]
    [InlineData("PS256")]
    public async Task AuthenticateAsync_OtherAsymmetricAlgorithm_FailsOnAlgorithm(string algorithm)
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { Algorithm = algorithm });

        Assert.False(result.Succeeded);
        Assert.Equal(AlgorithmNotAllowed, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_KidNamesAnotherPublishedKey_FailsOnSignature()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with
        {
            SigningKeyId = harness.Channel.UnendorsedKeyId,
            KeyIdHeader = harness.Channel.EndorsedKeyId,
        });

        Assert.False(result.Succeeded);
        Assert.Equal("The token's signature is invalid.", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKid_FailsAsUnknownKey()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();
        var unpublished = harness.Channel.AddKey(["msteams"], publish: false);

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { SigningKeyId = unpublished });

        Assert.False(result.Succeeded);
        Assert.Equal("The token's signing key is unknown.", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_NoKidHeader_FailsWithReason()
    {
        await using var harness = await AuthenticatorHarness.StartAsync();

        var result = await harness.AuthenticateAsync(AuthenticatorHarness.ValidToken() with { KeyIdHeader = "" });

        Assert.False(result.Succeeded);
        Assert.Equal("The token does not name its signing key (no kid header).", result.FailureReason);
    }
}

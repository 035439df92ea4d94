using CopBot.Protocol.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CopBot.Protocol.Tests.Authentication;

public sealed class BotAuthenticationServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<BotAuthenticationOptions>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddBotAuthentication(configuration);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData("http://login.example.com/.well-known/openid-configuration")]
    [InlineData("http://10.0.0.5/.well-known/openid-configuration")]
    [InlineData("http://127.example.com/.well-known/openid-configuration")]
    [InlineData("ftp://127.0.0.1/metadata")]
    [InlineData("not a url")]
    public void AddBotAuthentication_MetadataUrlNotHttpsNorLoopback_RefusedAtStart(string metadataUrl)
    {
        using var provider = Build(new() { ["MicrosoftAppId"] = "app", ["ToBotFromChannelOpenIdMetadataUrl"] = metadataUrl });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("ToBotFromChannelOpenIdMetadataUrl", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBotAuthentication_PlainHttpRemoteMetadata_AuthenticatorCannotBeCreated()
    {
        using var provider = Build(new() { ["MicrosoftAppId"] = "app", ["ToBotFromChannelOpenIdMetadataUrl"] = "http://login.example.com/metadata" });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IBotRequestAuthenticator>());

        Assert.Contains("loopback", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("http://127.0.0.1:5000/.well-known/openid-configuration")]
    [InlineData("http://127.8.9.10/.well-known/openid-configuration")]
    [InlineData("http://localhost:5000/.well-known/openid-configuration")]
    [InlineData("http://[::1]:5000/.well-known/openid-configuration")]
    public void AddBotAuthentication_HttpsOrLoopbackMetadata_PassesStartValidation(string metadataUrl)
    {
        using var provider = Build(new() { ["MicrosoftAppId"] = "app", ["ToBotFromChannelOpenIdMetadataUrl"] = metadataUrl });

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.NotNull(provider.GetRequiredService<IBotRequestAuthenticator>());
    }

    [Fact]
    public void AddBotAuthentication_PlainHttpRemoteTenantMetadata_RefusedAtStart()
    {
        using var provider = Build(new() { ["MicrosoftAppId"] = "app" },
            options => options.TenantOpenIdMetadataUrlTemplate = "http://login.example.com/{tenant}/v2.0/.well-known/openid-configuration");

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("TenantOpenIdMetadataUrlTemplate", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBotAuthentication_EmptyIssuer_RefusedAtStart()
    {
        using var provider = Build(new() { ["MicrosoftAppId"] = "app", ["ToBotFromChannelTokenIssuer"] = "" });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("ToBotFromChannelTokenIssuer", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBotAuthentication_ConfigurationRoot_BindsSdkKeyNames()
    {
        using var provider = Build(new()
        {
            ["MicrosoftAppId"] = "app-id",
            ["MicrosoftAppTenantId"] = "tenant-id",
            ["ToBotFromChannelTokenIssuer"] = "https://issuer.example.com",
        });

        var options = provider.GetRequiredService<IOptions<BotCredentialsOptions>>().Value;

        Assert.Equal("app-id", options.MicrosoftAppId);
        Assert.Equal("tenant-id", options.MicrosoftAppTenantId);
        Assert.Equal("https://issuer.example.com", options.ToBotFromChannelTokenIssuer);
        Assert.Equal(BotCredentialsOptions.DefaultOpenIdMetadataUrl, options.ToBotFromChannelOpenIdMetadataUrl);
    }

    [Fact]
    public void AddBotAuthentication_Default_RegistersSystemClockAndSingletonAuthenticator()
    {
        using var provider = Build(new() { ["MicrosoftAppId"] = "app" });

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Same(provider.GetRequiredService<IBotRequestAuthenticator>(), provider.GetRequiredService<IBotRequestAuthenticator>());
    }

    [Fact]
    public void AddBotAuthentication_CalledTwice_RegistersOneAuthenticatorAndValidator()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging().AddBotAuthentication(configuration).AddBotAuthentication(configuration);

        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(IBotRequestAuthenticator));
        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(IValidateOptions<BotCredentialsOptions>));
    }
}

using Azure.Data.Tables;
using CopBot.Hosting;
using CopBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests;

/// <summary>
/// The host's storage settings: ConnectionStrings:Tables, or CopBot:TableEndpoint with a managed identity.
/// Only the selection is tested; signing in with a real managed identity needs Azure.
/// </summary>
public class StorageSettingsTests
{
    private const string Endpoint = "https://copbotstore.table.core.windows.net/";
    private const string ClientId = "3f1e8b2a-5c4d-4e6f-9a0b-1c2d3e4f5a6b";

    private static ServiceProvider Storage(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCopBotStorage(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Nothing_LocalEmulatorConnectionString()
    {
        using var provider = Storage();

        var options = provider.GetRequiredService<TableStorageOptions>();
        Assert.Equal(TableStorageAccess.ConnectionString, options.Access);
        Assert.Equal(CopBotServiceCollectionExtensions.DevelopmentStorage, options.ConnectionString);
    }

    [Fact]
    public void ConnectionString_IsUsed()
    {
        using var provider = Storage(("ConnectionStrings:Tables", "DefaultEndpointsProtocol=https;AccountName=copbotstore;AccountKey=a2V5;EndpointSuffix=core.windows.net"));

        Assert.Equal("copbotstore", provider.GetRequiredService<TableServiceClient>().AccountName);
        Assert.Equal(TableStorageAccess.ConnectionString, provider.GetRequiredService<TableStorageOptions>().Access);
    }

    [Fact]
    public void TableEndpoint_DefaultAzureCredential()
    {
        using var provider = Storage(("CopBot:TableEndpoint", Endpoint));

        Assert.Equal(TableStorageAccess.DefaultAzureCredential, provider.GetRequiredService<TableStorageOptions>().Access);
        Assert.Equal(new Uri(Endpoint), provider.GetRequiredService<TableServiceClient>().Uri);
    }

    [Fact]
    public void TableEndpointAndClientId_UserAssignedIdentityAndPrefix()
    {
        using var provider = Storage(("CopBot:TableEndpoint", Endpoint), ("CopBot:ManagedIdentityClientId", ClientId), ("CopBot:TablePrefix", "CopBotProd"));

        var options = provider.GetRequiredService<TableStorageOptions>();
        Assert.Equal(TableStorageAccess.ManagedIdentity, options.Access);
        Assert.Equal(ClientId, options.ManagedIdentityClientId);
        Assert.Equal("CopBotProd", options.TablePrefix);
        Assert.Equal(new Uri(Endpoint), provider.GetRequiredService<TableServiceClient>().Uri);
    }

    [Theory]
    [InlineData("CopBot:TableEndpoint", "copbotstore.table.core.windows.net", "is not an absolute URI")]
    [InlineData("CopBot:TableEndpoint", "http://copbotstore.table.core.windows.net/", "must be an https address")]
    [InlineData("CopBot:ManagedIdentityClientId", ClientId, "applies only with TableEndpoint")]
    public void InvalidSetting_StartupFailsWithAClearMessage(string key, string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Storage((key, value)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectionStringAndTableEndpoint_Refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Storage(("ConnectionStrings:Tables", "UseDevelopmentStorage=true"), ("CopBot:TableEndpoint", Endpoint)));

        Assert.Contains("not both", error.Message, StringComparison.Ordinal);
    }
}

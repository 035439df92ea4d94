using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CopBot.Storage.IntegrationTests;

/// <summary>
/// Connection string or table endpoint + managed identity: which one the options pick and what they refuse.
/// Nothing here signs in: a real managed identity exists only inside Azure, so token acquisition is not tested.
/// </summary>
public class TableStorageAccessTests
{
    private const string ClientId = "3f1e8b2a-5c4d-4e6f-9a0b-1c2d3e4f5a6b";
    private static readonly Uri Endpoint = new("https://copbotstore.table.core.windows.net/");

    [Fact]
    public void ConnectionString_NoCredential()
    {
        var options = new TableStorageOptions { ConnectionString = "UseDevelopmentStorage=true" };

        Assert.Equal(TableStorageAccess.ConnectionString, options.Access);
        Assert.Null(TableStorageClients.CreateCredential(options));
    }

    [Fact]
    public void EndpointWithoutClientId_DefaultAzureCredential()
    {
        var options = new TableStorageOptions { TableEndpoint = Endpoint };

        Assert.Equal(TableStorageAccess.DefaultAzureCredential, options.Access);
        Assert.IsType<DefaultAzureCredential>(TableStorageClients.CreateCredential(options));
    }

    [Fact]
    public void EndpointWithClientId_UserAssignedManagedIdentity()
    {
        var options = new TableStorageOptions { TableEndpoint = Endpoint, ManagedIdentityClientId = ClientId };

        Assert.Equal(TableStorageAccess.ManagedIdentity, options.Access);
        Assert.IsType<ManagedIdentityCredential>(TableStorageClients.CreateCredential(options));
    }

    [Fact]
    public void AddCopBotTableStorage_Endpoint_ResolvesAClientForThatAccount()
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddCopBotTableStorage(o =>
        {
            o.TableEndpoint = Endpoint;
            o.ManagedIdentityClientId = ClientId;
        });
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<TableServiceClient>();

        Assert.Equal(Endpoint, client.Uri);
        Assert.Equal("copbotstore", client.AccountName);
        Assert.Equal(TableStorageAccess.ManagedIdentity, provider.GetRequiredService<TableStorageOptions>().Access);
    }

    public static TheoryData<string, Action<TableStorageOptions>, string> Invalid => new()
    {
        { "neither", _ => { }, "a connection string or a TableEndpoint (managed identity) is required" },
        { "both", o => { o.ConnectionString = "UseDevelopmentStorage=true"; o.TableEndpoint = Endpoint; }, "not both" },
        { "http", o => o.TableEndpoint = new Uri("http://copbotstore.table.core.windows.net/"), "must be an https address" },
        { "sas in the query", o => o.TableEndpoint = new Uri("https://copbotstore.table.core.windows.net/?sv=2024&sig=x"), "without a query" },
        { "client id without endpoint", o => { o.ConnectionString = "UseDevelopmentStorage=true"; o.ManagedIdentityClientId = ClientId; }, "applies only with TableEndpoint" },
        { "client id not a guid", o => { o.TableEndpoint = Endpoint; o.ManagedIdentityClientId = "copbot-identity"; }, "must be the identity's client id (a GUID)" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidAccess_RefusedWithAClearMessageAndNothingRegistered(string name, Action<TableStorageOptions> configure, string message)
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<ArgumentException>(() => services.AddCopBotTableStorage(configure));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.True(services.Count == 0, name);
    }
}

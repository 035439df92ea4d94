using CopBot.Community;
using CopBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CopBot.Storage.IntegrationTests;

[Collection(AzuriteFixture.Collection)]
public class TableStorageServiceCollectionExtensionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddCopBotTableStorage_Resolved_StoresWorkAgainstAzurite()
    {
        var prefix = "Di" + Guid.NewGuid().ToString("N")[..8];
        await using var provider = Services(s => s.AddCopBotTableStorage(azurite.ConnectionString, o => o.TablePrefix = prefix));
        var tables = provider.GetRequiredService<CopBotTables>();
        await tables.EnsureCreatedAsync(default);

        var began = await provider.GetRequiredService<IProcessedActivityStore>().TryBeginAsync("msteams", "a:1", "1", default);
        var profiles = await provider.GetRequiredService<IProfileStore>().ListAsync("default", default);
        var member = await provider.GetRequiredService<IContactStore>().GetMemberAsync("t", "29:1", default);
        var healthy = await provider.GetRequiredService<IStorageHealth>().CheckAsync(default);

        Assert.True(began);
        Assert.Empty(profiles);
        Assert.Null(member);
        Assert.True(healthy);
        Assert.Equal(prefix, provider.GetRequiredService<TableStorageOptions>().TablePrefix);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        foreach (var table in tables.All)
        {
            await table.DeleteAsync();
        }
    }

    [Fact]
    public void AddCopBotTableStorage_InvalidOptions_ThrowsAtRegistration()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddCopBotTableStorage(""));
        Assert.Throws<ArgumentException>(() => services.AddCopBotTableStorage(azurite.ConnectionString, o => o.TablePrefix = "bad-prefix"));
    }

    private static ServiceProvider Services(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

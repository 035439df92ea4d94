using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Infrastructure;

/// <summary>Gives each test its own tables on the shared Azurite. Concrete classes carry [Collection(AzuriteFixture.Collection)].</summary>
public abstract class StorageTest(AzuriteFixture azurite) : IAsyncLifetime
{
    private protected TestStorage Storage { get; } = new(azurite);

    public Task InitializeAsync() => Storage.InitializeAsync();

    public Task DisposeAsync() => Storage.DisposeAsync();
}

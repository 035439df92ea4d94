using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Idempotency;

[Collection(AzuriteFixture.Collection)]
public class TableProcessedActivityStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const string Conversation = "a:1personalConversation";

    [Fact]
    public async Task TryBeginAsync_FirstThenRedelivered_TrueThenFalse()
    {
        var store = Storage.ProcessedActivities();

        Assert.True(await store.TryBeginAsync("msteams", Conversation, "1700000000001", default));
        Assert.False(await store.TryBeginAsync("msteams", Conversation, "1700000000001", default));
    }

    [Fact]
    public async Task TryBeginAsync_SameActivityIdElsewhere_IsIndependent()
    {
        var store = Storage.ProcessedActivities();
        await store.TryBeginAsync("msteams", Conversation, "1", default);

        Assert.True(await store.TryBeginAsync("msteams", "a:1otherConversation", "1", default));
        Assert.True(await store.TryBeginAsync("webchat", Conversation, "1", default));
    }

    [Fact]
    public async Task ForgetAsync_AfterAFailedTurn_LetsTheRedeliveryBegin()
    {
        var store = Storage.ProcessedActivities();
        await store.TryBeginAsync("msteams", Conversation, "1", default);

        await store.ForgetAsync("msteams", Conversation, "1", default);

        Assert.True(await store.TryBeginAsync("msteams", Conversation, "1", default));
    }

    [Fact]
    public async Task ForgetAsync_UnknownActivity_DoesNothing()
    {
        var store = Storage.ProcessedActivities();

        await store.ForgetAsync("msteams", Conversation, "never-seen", default);

        Assert.Empty(await TestStorage.RawRowsAsync(Storage.Tables.ProcessedActivities));
    }

    [Fact]
    public async Task TryBeginAsync_TenConcurrentDeliveries_ExactlyOneBegins()
    {
        var store = Storage.ProcessedActivities();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => store.TryBeginAsync("msteams", Conversation, "1700000000002", default))));

        Assert.Single(results, began => began);
    }

    [Fact]
    public async Task TryBeginAsync_NewActivity_RecordsWhenItArrived()
    {
        await Storage.ProcessedActivities().TryBeginAsync("msteams", Conversation, "1", default);

        var row = Assert.Single(await TestStorage.RawRowsAsync(Storage.Tables.ProcessedActivities));
        Assert.Equal(Storage.Time.GetUtcNow(), row.GetDateTimeOffset("ReceivedAt"));
    }
}

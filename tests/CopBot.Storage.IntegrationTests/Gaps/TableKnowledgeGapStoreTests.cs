using CopBot.Community;
using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Gaps;

[Collection(AzuriteFixture.Collection)]
public class TableKnowledgeGapStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset At = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RecordAsync_SameRequestAndTopicTwice_StoredOnce()
    {
        var store = Storage.KnowledgeGaps();
        var gap = new KnowledgeGap("default", "peat-fires", "q-1", "Who has fought peat fires?", At);

        await store.RecordAsync(gap, default);
        await store.RecordAsync(gap with { At = At.AddMinutes(1) }, default);

        var stored = Assert.Single(await store.ListAsync("default", default));
        Assert.Equal(("peat-fires", "q-1", "Who has fought peat fires?"), (stored.Topic, stored.RequestId, stored.Question));
    }

    [Fact]
    public async Task ListAsync_KeysWithSlashesHashesAndQuestionMarks_RoundTripPerCommunity()
    {
        var store = Storage.KnowledgeGaps();
        await store.RecordAsync(new KnowledgeGap("default", "a/b#c?", "q/1#?", "Odd keys?", At), default);
        await store.RecordAsync(new KnowledgeGap("default", KnowledgeGap.NoTopic, "q-2", "No topic", At), default);
        await store.RecordAsync(new KnowledgeGap("other", "a/b#c?", "q-3", "Another community", At), default);

        var gaps = await store.ListAsync("default", default);

        Assert.Equal(["(no topic)", "a/b#c?"], gaps.Select(g => g.Topic).Order(StringComparer.Ordinal));
        Assert.Contains(gaps, g => g.RequestId == "q/1#?");
    }

    [Fact]
    public async Task RecordAsync_VeryLongQuestion_KeptShortened()
    {
        var store = Storage.KnowledgeGaps();

        await store.RecordAsync(new KnowledgeGap("default", "t", "q-1", new string('x', 40_000), At), default);

        Assert.Equal(500, Assert.Single(await store.ListAsync("default", default)).Question.Length);
    }
}

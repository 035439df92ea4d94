using CopBot.Community;
using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Synthesis;

[Collection(AzuriteFixture.Collection)]
public class TableSynthesisStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset At = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static SynthesisRecord Record(string requestId = "q-1/a#b?c", int contributors = 2)
    {
        var credits = Enumerable.Range(1, contributors).Select(i => new ContributorCredit($"29:{i}", $"Person {i}", i % 2 == 0 ? "FAO" : null, 1)).ToList();
        var draft = new SynthesisDraft(requestId, "How do we keep brigades?", "Stipends help.",
            [new Theme("Stipends", [new KeyPoint("Pay a stipend.", ["29:1"], ["c1"])])],
            [new Resource("https://example.org/x", ["29:1"])], [], [new KeyPoint("Insurance?", ["29:2"], ["c2"])], [],
            credits, new SynthesisStatistics(contributors, contributors, 1, TimeSpan.FromHours(3)), "extractive");
        return new SynthesisRecord("default", requestId, "query", "29:fac", "Amara", 0, draft,
            new QueryPlace("msteams", "https://smba.example/", "19:abc@thread.tacv2;messageid=1", "tenant", "28:bot", "CopBot", "1"), At);
    }

    [Fact]
    public async Task SaveDraftAsync_TwiceThenPublished_VersionsRiseUntilPublishingFreezesIt()
    {
        var store = Storage.Syntheses();

        var first = await store.SaveDraftAsync(Record(), default);
        var second = await store.SaveDraftAsync(Record() with { FacilitatorName = "Grace" }, default);
        await store.UpdateAsync("default", "q-1/a#b?c", r => r with { Status = SynthesisStatus.Publishing }, default);
        var third = await store.SaveDraftAsync(Record() with { FacilitatorName = "Someone else" }, default);
        var read = await store.GetAsync("default", "q-1/a#b?c", default);

        Assert.Equal((1, 2), (first.Version, second.Version));
        Assert.Equal((SynthesisStatus.Publishing, 2, "Grace"), (third.Status, third.Version, third.FacilitatorName));
        Assert.Equal(third.FacilitatorName, read!.FacilitatorName);
        Assert.Equal(Record().Draft.Statistics, read.Draft.Statistics);
        Assert.Equal("Pay a stipend.", read.Draft.Themes[0].Points[0].Text);
        Assert.Equal(Record().Place, read.Place);
    }

    [Fact]
    public async Task SaveDraftAsync_FiveHundredContributors_StoredOverSeveralColumns()
    {
        var store = Storage.Syntheses();

        await store.SaveDraftAsync(Record(contributors: 500) with { Draft = Record(contributors: 500).Draft with { Synopsis = new string('s', 40_000) } }, default);
        var read = await store.GetAsync("default", "q-1/a#b?c", default);

        Assert.Equal(500, read!.Draft.Contributors.Count);
        Assert.Equal(40_000, read.Draft.Synopsis.Length);
    }

    [Fact]
    public async Task UpdateAsync_UnknownOrNoChange_NullOrUnchanged()
    {
        var store = Storage.Syntheses();
        await store.SaveDraftAsync(Record(), default);

        Assert.Null(await store.UpdateAsync("default", "nope", r => r, default));
        var unchanged = await store.UpdateAsync("default", "q-1/a#b?c", _ => null, default);
        Assert.Equal(SynthesisStatus.Draft, unchanged!.Status);
    }

    [Fact]
    public async Task Credits_AddedTwice_KeptOnceNewestFirst()
    {
        var credits = Storage.Credits();

        await credits.AddAsync(new ContributionCredit("default", "29:a/b", "q-1", "Old request", 1, At), default);
        await credits.AddAsync(new ContributionCredit("default", "29:a/b", "q-2", "New request", 2, At.AddDays(1)), default);
        await credits.AddAsync(new ContributionCredit("default", "29:a/b", "q-2", "New request again", 9, At.AddDays(2)), default);
        var listed = await credits.ListAsync("default", "29:a/b", default);

        Assert.Equal(["New request", "Old request"], listed.Select(c => c.Title));
        Assert.Equal(2, listed[0].Contributions);
        Assert.Empty(await credits.ListAsync("default", "29:other", default));
    }
}

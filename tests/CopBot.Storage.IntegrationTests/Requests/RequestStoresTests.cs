using CopBot.Community;
using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Requests;

/// <summary>The stores the discussion and consultation modalities share with future ones, on Azurite.</summary>
[Collection(AzuriteFixture.Collection)]
public class RequestStoresTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const string Thread = "19:7b2e4d6f8a0c4e1b9d3f5a7c2e4b6d8f@thread.tacv2;messageid=1741684467331";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly QueryPlace Place = new("msteams", "https://smba.trafficmanager.net/emea/", Thread, "tenant-1", "28:bot", "CopBot", "1741684467331");

    private static Consultation Consultation() => new(
        "default", "c-0123456789abcdef", "Grant application", new Uri("https://example.org/a/b?c=d"), ["Sound?", "Budget?"], ["cash-transfers"], Place,
        "29:1asker", "Ada", Now, Now.AddDays(7),
        [new ReviewerAssignment("29:1amara", "Amara", ["named"]), new ReviewerAssignment("b7e4d2c1-5a6f-4e3d-8c2b-1a0f9e8d7c6b", "Tomás", [])]);

    [Fact]
    public async Task ContributionStore_SameActivityTwice_StoredOnceAndListedInOrder()
    {
        var store = Storage.Contributions();
        var first = new Contribution("d-1/with/slash", "1741684467999", "29:1amara", "Amara", "In our province we …", Now);

        var added = await store.AddAsync(first, default);
        var again = await store.AddAsync(first with { Text = "changed" }, default);
        await store.AddAsync(new Contribution("d-1/with/slash", "f:6b8d0f2a-4c6e", "29:1juma", "Juma", new string('x', Contribution.MaxTextLength + 50), Now.AddMinutes(1)), default);
        var listed = await store.ListContributionsAsync("d-1/with/slash", default);

        Assert.True(added);
        Assert.False(again);
        Assert.Equal(["Amara", "Juma"], listed.Select(c => c.AuthorName));
        Assert.Equal("In our province we …", listed[0].Text);
        Assert.Equal(Contribution.MaxTextLength, listed[1].Text.Length);
        Assert.Empty(await store.ListContributionsAsync("d-other", default));
    }

    [Fact]
    public async Task ThreadIndex_RealTeamsThreadId_FoundAndReRegisterReplaces()
    {
        var index = Storage.Threads();

        await index.RegisterAsync(new RequestThread(Thread, "discuss", "default", "d-1"), default);
        await index.RegisterAsync(new RequestThread(Thread, "discuss", "default", "d-2"), default);

        Assert.Equal("d-2", (await index.FindAsync(Thread, default))!.RequestId);
        Assert.Null(await index.FindAsync("19:7b2e4d6f8a0c4e1b9d3f5a7c2e4b6d8f@thread.tacv2", default));
    }

    [Fact]
    public async Task ConsultationStore_TwoReviewersAtOnce_BothLandAndClosingLeavesTheOpenIndex()
    {
        var store = Storage.Consultations();
        var (_, created) = await store.CreateAsync(Consultation(), default);
        var (_, createdAgain) = await store.CreateAsync(Consultation() with { Title = "other" }, default);

        Task Review(string id, string answer) => store.UpdateAsync("default", "c-0123456789abcdef",
            c => c.With(c.Find(id, null)! with { State = ReviewerState.Reviewed, Answers = [answer, null], Rating = 4 }), default);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => i % 2 == 0 ? Review("29:1amara", "from Amara") : Review("b7e4d2c1-5a6f-4e3d-8c2b-1a0f9e8d7c6b", "from Tomás")));
        var read = (await store.GetAsync("default", "c-0123456789abcdef", default))!;

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal("Grant application", read.Title);
        Assert.Equal(new Uri("https://example.org/a/b?c=d"), read.Document);
        Assert.Equal(["from Amara", null], read.Find("29:1amara", null)!.Answers);
        Assert.Equal(["from Tomás", null], read.Find("b7e4d2c1-5a6f-4e3d-8c2b-1a0f9e8d7c6b", null)!.Answers);
        Assert.Equal(Place, read.Place);
        Assert.Single(await store.ListOpenAsync("default", default));

        await store.UpdateAsync("default", read.Id, c => c with { Status = ConsultationStatus.Closed }, default);
        Assert.Empty(await store.ListOpenAsync("default", default));
    }

    [Fact]
    public async Task DiscussionStore_RoundTripAndStaleChange_NullChangeWritesNothing()
    {
        var store = Storage.Discussions();
        var discussion = new Discussion("default", "d-0123456789abcdef", "Fire brigades", "What kept volunteers?", ["fire-management"], Place, "29:1asker", "Ada", Now, Now.AddDays(7),
            [new DiscussionInvitee("29:1kalani", "Kalani", ["#fire-management"]) { NotifiedBy = NotificationChannel.PersonalCard, PersonalConversationId = "a:1" }]);
        await store.CreateAsync(discussion, default);

        var unchanged = await store.UpdateAsync("default", discussion.Id, _ => null, default);
        var joined = await store.UpdateAsync("default", discussion.Id, d => d.With(d.Invitees[0] with { State = InviteState.Joined }) with { ContributionCount = 1, ContributorNames = ["Kalani"] }, default);
        var read = (await store.GetAsync("default", discussion.Id, default))!;

        Assert.Equal(InviteState.Invited, unchanged!.Invitees[0].State);
        Assert.Equal(InviteState.Joined, joined!.Invitees[0].State);
        Assert.Equal(InviteState.Joined, read.Invitees[0].State);
        Assert.Equal(["Kalani"], read.ContributorNames);
        Assert.Equal("What kept volunteers?", read.FramingQuestion);
        Assert.Null(await store.GetAsync("default", "d-missing", default));
    }
}

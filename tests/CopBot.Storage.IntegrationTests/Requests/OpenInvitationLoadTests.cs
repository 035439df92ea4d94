using CopBot.Community;
using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Requests;

/// <summary>
/// Open requests per expert across every modality, counted from the real tables: discussion, consultation and
/// working-group invitations still waiting for an answer count against maxOpenRequests beside asked queries.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public class OpenInvitationLoadTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly QueryPlace Place = new("msteams", "https://smba.example/", "19:abc@thread.tacv2;messageid=1", "tenant-1", "28:bot", "CopBot", "1");

    private DateTimeOffset Now => Storage.Time.GetUtcNow();

    private Discussion Discussion(string id, params DiscussionInvitee[] invitees) =>
        new("default", id, "Fire brigades", null, [], Place, "29:1asker", "Asker", Now, Now.AddDays(7), invitees);

    private static DiscussionInvitee Invitee(string id, InviteState state) => new(id, "Name of " + id, []) { State = state };

    private Consultation Consultation(string id, params ReviewerAssignment[] reviewers) =>
        new("default", id, "Grant application", new Uri("https://example.org/doc"), ["Sound?"], [], Place, "29:1asker", "Asker", Now, Now.AddDays(7), reviewers);

    private static ReviewerAssignment Reviewer(string id, ReviewerState state) => new(id, "Name of " + id, []) { State = state };

    private WorkingGroup Group(string id, IReadOnlyList<RoleNeed> roles, params GroupMember[] members) =>
        new("default", id, "Guidance note", "A note", Place, "29:1asker", "Asker", Now, Now.AddDays(30), roles, members);

    private static GroupMember Member(string id, string role, GroupMemberState state) => new(id, "Name of " + id, role, []) { State = state };

    private OpenRequestLoad Load(IQueryStore? queries = null) =>
        new(queries ?? Storage.Queries(), OpenRequestCounters.Of(Storage.Discussions(), Storage.Consultations(), Storage.WorkingGroups()), Storage.Time);

    [Fact]
    public async Task CountsAsync_Discussions_CountsInviteesWhoHaveNotRepliedOrDeclinedInOpenOnes()
    {
        var discussions = Storage.Discussions();
        await discussions.CreateAsync(Discussion("d-1", Invitee("ana", InviteState.Invited), Invitee("ben", InviteState.Joined), Invitee("cy", InviteState.NotNow)), default);
        await discussions.CreateAsync(Discussion("d-2", Invitee("ana", InviteState.Invited), Invitee("cy", InviteState.Invited)), default);
        await discussions.CreateAsync(Discussion("d-closed", Invitee("ben", InviteState.Invited)), default);
        await discussions.UpdateAsync("default", "d-closed", d => d with { Status = DiscussionStatus.Closed }, default);
        await discussions.CreateAsync(Discussion("d-cancelled", Invitee("ben", InviteState.Invited)), default);
        await discussions.UpdateAsync("default", "d-cancelled", d => d with { Status = DiscussionStatus.Cancelled }, default);

        var counts = await Load().CountsAsync("default", default);

        Assert.Equal(new Dictionary<string, int> { ["ana"] = 2, ["cy"] = 1 }, counts);
    }

    [Fact]
    public async Task CountsAsync_Consultations_CountsReviewersWhoHaveNotReviewedOrDeclinedInOpenOnes()
    {
        var consultations = Storage.Consultations();
        await consultations.CreateAsync(Consultation("c-1", Reviewer("ana", ReviewerState.Invited), Reviewer("ben", ReviewerState.Reviewed), Reviewer("cy", ReviewerState.Declined)), default);
        await consultations.CreateAsync(Consultation("c-closed", Reviewer("ben", ReviewerState.Invited)), default);
        await consultations.UpdateAsync("default", "c-closed", c => c with { Status = ConsultationStatus.Closed }, default);
        await consultations.CreateAsync(Consultation("c-cancelled", Reviewer("cy", ReviewerState.Invited)), default);
        await consultations.UpdateAsync("default", "c-cancelled", c => c with { Status = ConsultationStatus.Cancelled }, default);

        var counts = await Load().CountsAsync("default", default);

        Assert.Equal(new Dictionary<string, int> { ["ana"] = 1 }, counts);
    }

    [Fact]
    public async Task CountsAsync_WorkingGroups_CountsInviteesOfRolesWithPlacesLeftInOpenGroups()
    {
        var groups = Storage.WorkingGroups();
        // One expert place taken by ben: dee's expert invitation can no longer be taken up; ana's writer place is still free.
        await groups.CreateAsync(Group("w-1", [new RoleNeed("expert", 1), new RoleNeed("writer", 1)],
            Member("ben", "expert", GroupMemberState.Joined), Member("dee", "expert", GroupMemberState.Invited),
            Member("ana", "writer", GroupMemberState.Invited), Member("cy", "writer", GroupMemberState.NotNow)), default);
        await groups.CreateAsync(Group("w-completed", [new RoleNeed("expert", 2)], Member("ana", "expert", GroupMemberState.Invited)), default);
        await groups.UpdateAsync("default", "w-completed", g => g with { Status = WorkingGroupStatus.Completed }, default);
        await groups.CreateAsync(Group("w-cancelled", [new RoleNeed("expert", 2)], Member("cy", "expert", GroupMemberState.Invited)), default);
        await groups.UpdateAsync("default", "w-cancelled", g => g with { Status = WorkingGroupStatus.Cancelled }, default);

        var counts = await Load().CountsAsync("default", default);

        Assert.Equal(new Dictionary<string, int> { ["ana"] = 1 }, counts);
    }

    [Fact]
    public async Task CountsAsync_EveryModality_AddsUpPerExpertWithTheQueries()
    {
        var query = new QueryRequest("default", "q-1", "Which buffer strips work on sloped fields?", [], Place, "29:1asker", "Asker", Now,
            [new ExpertAssignment("ana", "Ana", 1, []) { State = AssignmentState.Asked }, new ExpertAssignment("ben", "Ben", 1, []) { State = AssignmentState.Answered }]);
        await Storage.Queries().CreateAsync(query, default);
        await Storage.Discussions().CreateAsync(Discussion("d-1", Invitee("ana", InviteState.Invited), Invitee("ben", InviteState.Invited)), default);
        await Storage.Consultations().CreateAsync(Consultation("c-1", Reviewer("ana", ReviewerState.Invited)), default);
        await Storage.WorkingGroups().CreateAsync(Group("w-1", [new RoleNeed("expert", 2)], Member("ana", "expert", GroupMemberState.Invited)), default);

        var counts = await Load().CountsAsync("default", default);

        Assert.Equal(new Dictionary<string, int> { ["ana"] = 4, ["ben"] = 1 }, counts);
    }

    [Fact]
    public async Task CountsAsync_InvitationWritesOnThisInstance_FollowInPlaceWithoutARecount()
    {
        var load = Load();
        var discussions = new LoadTrackingDiscussionStore(Storage.Discussions(), load);
        var consultations = new LoadTrackingConsultationStore(Storage.Consultations(), load);
        var groups = new LoadTrackingWorkingGroupStore(Storage.WorkingGroups(), load);
        var before = await load.CountsAsync("default", default);
        // Another instance invites ben elsewhere: only a recount would see it, so it shows whether one happened.
        await Storage.Discussions().CreateAsync(Discussion("d-other", Invitee("ben", InviteState.Invited)), default);

        await discussions.CreateAsync(Discussion("d-1", Invitee("ana", InviteState.Invited)), default);
        await consultations.CreateAsync(Consultation("c-1", Reviewer("ana", ReviewerState.Invited), Reviewer("cy", ReviewerState.Invited)), default);
        await groups.CreateAsync(Group("w-1", [new RoleNeed("expert", 1)], Member("ana", "expert", GroupMemberState.Invited), Member("dee", "expert", GroupMemberState.Invited)), default);
        var invited = await load.CountsAsync("default", default);
        // A contribution tally changes no invitation: the counts stay cached (still no recount).
        await discussions.UpdateAsync("default", "d-1", d => d with { ContributionCount = 1, ContributorNames = ["Juma"] }, default);
        var afterContribution = await load.CountsAsync("default", default);
        await discussions.UpdateAsync("default", "d-1", d => d.With(d.Invitees[0] with { State = InviteState.NotNow }), default);
        await consultations.UpdateAsync("default", "c-1", c => c.With(c.Reviewers[0] with { State = ReviewerState.Reviewed }), default);
        // Ana takes the only expert place: dee's invitation to it lapses too.
        await groups.UpdateAsync("default", "w-1", g => g.With(g.Members[0] with { State = GroupMemberState.Joined }), default);
        var answered = await load.CountsAsync("default", default);
        await consultations.UpdateAsync("default", "c-1", c => c with { Status = ConsultationStatus.Closed }, default);
        var closed = await load.CountsAsync("default", default);

        Assert.Empty(before);
        Assert.Equal(new Dictionary<string, int> { ["ana"] = 3, ["cy"] = 1, ["dee"] = 1 }, invited);
        Assert.Equal(invited, afterContribution);
        Assert.Equal(new Dictionary<string, int> { ["cy"] = 1 }, answered);
        Assert.Empty(closed);
        Storage.Time.Advance(OpenRequestLoad.MaxAge);
        Assert.Equal(new Dictionary<string, int> { ["ben"] = 1 }, await load.CountsAsync("default", default));
    }

    [Fact]
    public async Task CountsAsync_ARedeliveredCreate_ChangesNothingTwice()
    {
        var load = Load();
        var discussions = new LoadTrackingDiscussionStore(Storage.Discussions(), load);
        await load.CountsAsync("default", default);

        await discussions.CreateAsync(Discussion("d-1", Invitee("ana", InviteState.Invited)), default);
        var (_, createdAgain) = await discussions.CreateAsync(Discussion("d-1", Invitee("ana", InviteState.Invited)), default);

        Assert.False(createdAgain);
        Assert.Equal(new Dictionary<string, int> { ["ana"] = 1 }, await load.CountsAsync("default", default));
    }

    [Fact]
    public async Task CountsAsync_EveryModality_ListsConcurrently()
    {
        // Each listing waits until all four have begun: counted one modality after another, the first would time out.
        var started = 0;
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task Arrive()
        {
            if (Interlocked.Increment(ref started) == 4)
            {
                allStarted.SetResult();
            }

            await allStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        await Storage.Discussions().CreateAsync(Discussion("d-1", Invitee("ana", InviteState.Invited)), default);
        var load = new OpenRequestLoad(
            new GatedQueries(Storage.Queries(), Arrive),
            [
                new OpenRequestCounter<Discussion>(new GatedListing<Discussion>(Storage.Discussions(), Arrive), OpenInvitations.Of),
                new OpenRequestCounter<Consultation>(new GatedListing<Consultation>(Storage.Consultations(), Arrive), OpenInvitations.Of),
                new OpenRequestCounter<WorkingGroup>(new GatedListing<WorkingGroup>(Storage.WorkingGroups(), Arrive), OpenInvitations.Of),
            ],
            Storage.Time);

        var counts = await load.CountsAsync("default", default);

        Assert.Equal(new Dictionary<string, int> { ["ana"] = 1 }, counts);
        Assert.Equal(4, started);
    }

    /// <summary>The real store, each open-index listing held at <paramref name="gate"/>.</summary>
    private sealed class GatedListing<T>(IRequestStore<T> inner, Func<Task> gate) : IRequestStore<T>
        where T : class
    {
        public Task<T?> GetAsync(string community, string id, CancellationToken cancellationToken) => inner.GetAsync(community, id, cancellationToken);

        public async Task<IReadOnlyList<string>> ListOpenAsync(string community, CancellationToken cancellationToken)
        {
            await gate();
            return await inner.ListOpenAsync(community, cancellationToken);
        }

        public Task<T?> UpdateAsync(string community, string id, Func<T, T?> change, CancellationToken cancellationToken) => inner.UpdateAsync(community, id, change, cancellationToken);
    }

    /// <summary>The real query store, its open-index listing held at <paramref name="gate"/>.</summary>
    private sealed class GatedQueries(IQueryStore inner, Func<Task> gate) : IQueryStore
    {
        public Task<(QueryRequest Stored, bool Created)> CreateAsync(QueryRequest query, CancellationToken cancellationToken) => inner.CreateAsync(query, cancellationToken);

        public Task<QueryRequest?> GetAsync(string community, string id, CancellationToken cancellationToken) => inner.GetAsync(community, id, cancellationToken);

        public async Task<IReadOnlyList<string>> ListOpenAsync(string community, CancellationToken cancellationToken)
        {
            await gate();
            return await inner.ListOpenAsync(community, cancellationToken);
        }

        public Task<IReadOnlyList<QueryRequest>> ListAsync(string community, CancellationToken cancellationToken) => inner.ListAsync(community, cancellationToken);

        public Task<QueryRequest?> UpdateAsync(string community, string id, Func<QueryRequest, QueryRequest?> change, CancellationToken cancellationToken) =>
            inner.UpdateAsync(community, id, change, cancellationToken);
    }
}

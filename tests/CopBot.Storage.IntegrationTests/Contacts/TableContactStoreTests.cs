using CopBot.Community;
using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Contacts;

[Collection(AzuriteFixture.Collection)]
public class TableContactStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string AadObjectId = "0d3b6a7e-5f1c-4a2b-9c8d-7e6f5a4b3c2d";
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task UpsertMemberAsync_NewMember_GetReturnsIt()
    {
        var store = Storage.Contacts();
        var member = Member() with { PersonalConversationId = "a:1personal" };

        await store.UpsertMemberAsync(member, default);

        Assert.Equal(member, await store.GetMemberAsync(Tenant, member.UserId, default));
    }

    [Fact]
    public async Task GetMemberAsync_UnknownMemberOrTenant_ReturnsNull()
    {
        var store = Storage.Contacts();
        await store.UpsertMemberAsync(Member(), default);

        Assert.Null(await store.GetMemberAsync(Tenant, "29:1nobody", default));
        Assert.Null(await store.GetMemberAsync("other-tenant", Member().UserId, default));
    }

    [Fact]
    public async Task UpsertMemberAsync_SeenAgainFromAChannel_KeepsFirstSeenAndPersonalConversation()
    {
        var store = Storage.Contacts();
        await store.UpsertMemberAsync(Member() with { PersonalConversationId = "a:1personal" }, default);

        var later = Member() with { FirstSeen = Monday.AddDays(3), LastSeen = Monday.AddDays(3), ServiceUrl = "https://smba.example/emea/" };
        await store.UpsertMemberAsync(later, default);

        var stored = await store.GetMemberAsync(Tenant, later.UserId, default);
        Assert.Equal(later with { FirstSeen = Monday, PersonalConversationId = "a:1personal" }, stored);
    }

    [Fact]
    public async Task FindMemberByAadObjectIdAsync_AnyCase_FindsTheMember()
    {
        var store = Storage.Contacts();
        await store.UpsertMemberAsync(Member(), default);

        var found = await store.FindMemberByAadObjectIdAsync(Tenant, AadObjectId.ToUpperInvariant(), default);

        Assert.Equal(Member(), found);
    }

    [Fact]
    public async Task FindMemberByAadObjectIdAsync_UnknownIdOrOtherTenant_ReturnsNull()
    {
        var store = Storage.Contacts();
        await store.UpsertMemberAsync(Member(), default);

        Assert.Null(await store.FindMemberByAadObjectIdAsync(Tenant, Guid.Empty.ToString(), default));
        Assert.Null(await store.FindMemberByAadObjectIdAsync("other-tenant", AadObjectId, default));
    }

    [Fact]
    public async Task FindMemberByAadObjectIdAsync_ObjectIdLearntLater_FindsTheMember()
    {
        var store = Storage.Contacts();
        await store.UpsertMemberAsync(Member() with { AadObjectId = null }, default);
        await store.UpsertMemberAsync(Member() with { LastSeen = Monday.AddHours(1) }, default);

        var found = await store.FindMemberByAadObjectIdAsync(Tenant, AadObjectId, default);

        Assert.Equal(Member().UserId, found?.UserId);
    }

    [Fact]
    public async Task FindMemberByEmailAsync_EmailOrSignInNameInAnyCase_FindsTheMember()
    {
        var store = Storage.Contacts();
        var member = Member() with { Email = "Amara.Nwosu@wfp.example.org", UserPrincipalName = "anwosu@wfp.example.org" };
        await store.UpsertMemberAsync(member, default);

        Assert.Equal(member, await store.FindMemberByEmailAsync(Tenant, "amara.nwosu@WFP.example.org", default));
        Assert.Equal(member, await store.FindMemberByEmailAsync(Tenant, " ANWOSU@wfp.example.org ", default));
        Assert.Null(await store.FindMemberByEmailAsync(Tenant, "someone@wfp.example.org", default));
        Assert.Null(await store.FindMemberByEmailAsync("other-tenant", member.Email!, default));
    }

    [Fact]
    public async Task FindMemberByEmailAsync_LaterContactWithoutEmail_KeepsItAndAChangedAddressNoLongerMatches()
    {
        var store = Storage.Contacts();
        await store.UpsertMemberAsync(Member() with { Email = "old@wfp.example.org" }, default);
        await store.UpsertMemberAsync(Member() with { LastSeen = Monday.AddHours(1) }, default);
        Assert.Equal(Member().UserId, (await store.FindMemberByEmailAsync(Tenant, "old@wfp.example.org", default))?.UserId);

        await store.UpsertMemberAsync(Member() with { LastSeen = Monday.AddHours(2), Email = "new@wfp.example.org" }, default);

        Assert.Null(await store.FindMemberByEmailAsync(Tenant, "old@wfp.example.org", default));
        Assert.Equal(Member().UserId, (await store.FindMemberByEmailAsync(Tenant, "new@wfp.example.org", default))?.UserId);
    }

    [Fact]
    public async Task UpsertMemberAsync_TenConcurrentUpdates_AllLandWithoutLostUpdates()
    {
        var store = Storage.Contacts();
        await store.UpsertMemberAsync(Member() with { Name = null }, default);

        // Only update 3 knows the personal conversation and only update 7 the name: both must survive the race.
        await Task.WhenAll(Enumerable.Range(1, 10).Select(i => store.UpsertMemberAsync(
            Member() with
            {
                FirstSeen = Monday.AddHours(i),
                LastSeen = Monday.AddHours(i),
                Name = i == 7 ? "Ana Costa" : null,
                PersonalConversationId = i == 3 ? "a:1personal" : null,
            },
            default)));

        var stored = await store.GetMemberAsync(Tenant, Member().UserId, default);
        Assert.Equal(
            Member() with { Name = "Ana Costa", PersonalConversationId = "a:1personal", LastSeen = Monday.AddHours(10) },
            stored);
        Assert.True(Storage.Logger.Count(3001) > 0, "the race should have produced at least one ETag conflict");
    }

    [Fact]
    public async Task UpsertConversationAsync_NewThenSeenAgain_KeepsFirstSeenAndKnownTeam()
    {
        var store = Storage.Contacts();
        var conversation = Conversation();
        await store.UpsertConversationAsync(conversation, default);

        var later = conversation with { TeamName = null, FirstSeen = Monday.AddDays(1), LastSeen = Monday.AddDays(1) };
        await store.UpsertConversationAsync(later, default);

        Assert.Equal(conversation with { LastSeen = Monday.AddDays(1) }, await store.GetConversationAsync(conversation.ConversationId, default));
    }

    [Fact]
    public async Task UpsertConversationAsync_TwoConcurrentUpdates_BothLand()
    {
        var store = Storage.Contacts();
        var conversation = Conversation() with { TeamName = null, BotName = null };
        await store.UpsertConversationAsync(conversation, default);

        await Task.WhenAll(
            store.UpsertConversationAsync(conversation with { TeamName = "Cash CoP", LastSeen = Monday.AddHours(1) }, default),
            store.UpsertConversationAsync(conversation with { BotName = "CopBot", LastSeen = Monday.AddHours(2) }, default));

        var stored = await store.GetConversationAsync(conversation.ConversationId, default);
        Assert.Equal(conversation with { TeamName = "Cash CoP", BotName = "CopBot", LastSeen = Monday.AddHours(2) }, stored);
    }

    [Fact]
    public async Task GetConversationAsync_Unknown_ReturnsNull() =>
        Assert.Null(await Storage.Contacts().GetConversationAsync("19:unknown@thread.tacv2", default));

    private static MemberContact Member() => new(
        Tenant, "29:1abcDEFghiJKL", AadObjectId, "Ana", "msteams", "https://smba.example/amer/", null, Monday, Monday);

    private static ConversationContact Conversation() => new(
        "msteams", "https://smba.example/amer/", "19:abc123@thread.tacv2;messageid=1700000000000", "channel",
        Tenant, "19:team@thread.tacv2", "Cash CoP", "28:bot-id", "CopBot", Monday, Monday);
}

using Azure.Data.Tables;
using CopBot.Community;
using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Keys;

/// <summary>Real Teams ids and hostile ids travel through every store to Azurite and back, never raw in a key.</summary>
[Collection(AzuriteFixture.Collection)]
public class KeyRoundTripTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    public static TheoryData<string> Ids => new()
    {
        "29:1abcDEFghiJKLmnoPQRstuVWXyz0123456789-_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop",
        "19:abc123def456@thread.tacv2;messageid=1700000000000",
        "a:1XyZ-PqR_sTuVwXyZaBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
        "0d3b6a7e-5f1c-4a2b-9c8d-7e6f5a4b3c2d",
        "a/b\\c#d?e",
        "100%25 and 100%",
        "line\nbreak\ttab\u0000nul\u007Fdel\u0085nel",
        "pipe|and 'quote' and \"double\"",
    };

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Member_IdAsTenantAndUser_RoundTripsAndStoresOnlyEncodedKeys(string id)
    {
        var contacts = Storage.Contacts();
        var member = new MemberContact(id, id, null, "Ana", "msteams", "https://smba.example/", id, Storage.Time.GetUtcNow(), Storage.Time.GetUtcNow());

        await contacts.UpsertMemberAsync(member, default);

        Assert.Equal(member, await contacts.GetMemberAsync(id, id, default));
        await AssertKeysAreEncodedAsync(Storage.Tables.Members);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Conversation_IdAsConversationId_RoundTrips(string id)
    {
        var contacts = Storage.Contacts();
        var conversation = new ConversationContact("msteams", "https://smba.example/", id, "channel",
            null, null, null, null, null, Storage.Time.GetUtcNow(), Storage.Time.GetUtcNow());

        await contacts.UpsertConversationAsync(conversation, default);

        Assert.Equal(conversation, await contacts.GetConversationAsync(id, default));
        await AssertKeysAreEncodedAsync(Storage.Tables.Conversations);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task ProcessedActivity_IdEverywhere_IsClaimedOnce(string id)
    {
        var store = Storage.ProcessedActivities();

        Assert.True(await store.TryBeginAsync(id, id, id, default));
        Assert.False(await store.TryBeginAsync(id, id, id, default));
        await AssertKeysAreEncodedAsync(Storage.Tables.ProcessedActivities);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Profile_IdAsCommunityAndProfileId_RoundTripsWithHistoryAndLookups(string id)
    {
        var profiles = Storage.Profiles();
        var profile = new ExpertProfile(id, id, "Ana", [new Skill("hiv", 4)], [CommunityRole.Expert])
        {
            Email = "ana@example.org",
            History = [new AnsweredQuestion("Q", null, [], null)],
        };

        await profiles.UpsertAsync(profile, default);

        Assert.Equal(profile, await profiles.GetAsync(id, id, default));
        Assert.Equal(profile, Assert.Single(await profiles.ListAsync(id, default)));
        Assert.Equal(profile, await profiles.FindByEmailAsync(id, "ana@example.org", default));
        await AssertKeysAreEncodedAsync(Storage.Tables.Profiles);
        await AssertKeysAreEncodedAsync(Storage.Tables.ProfileHistory);
    }

    private static async Task AssertKeysAreEncodedAsync(TableClient table)
    {
        var rows = await TestStorage.RawRowsAsync(table);

        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            Assert.DoesNotContain(row.PartitionKey, IsForbidden);
            Assert.DoesNotContain(row.RowKey, IsForbidden);
        });
    }

    private static bool IsForbidden(char c) => c is '/' or '\\' or '#' or '?' || char.IsControl(c);
}

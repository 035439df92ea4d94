using CopBot.Community;
using CopBot.Features.Profile;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests;

/// <summary>
/// Which storage reads finding a member's profile costs, on Azurite: the store is the real one, observed through a
/// decorator that counts the two lookups.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class MemberProfilesTests(AzuriteFixture azurite)
{
    private const string Community = "default";
    private const string BotMadeId = "29:1bot-made";
    private const string BotMadeAad = "11111111-1111-4111-8111-111111111111";
    private const string ImportedAad = "22222222-2222-4222-8222-222222222222";
    private const string TeamsOnlyId = "29:1teams-only";
    private const string StrangerId = "29:1stranger";
    private const string StrangerAad = "33333333-3333-4333-8333-333333333333";

    [Fact]
    public async Task LoadedIndex_EachKindOfMember_FoundWithOneRead()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var (store, reads) = await SeededStoreAsync(bot);
        var members = new MemberProfiles(store, await LoadedIndexAsync(store));

        Assert.Equal(BotMadeId, (await FindCountingAsync(members, reads, BotMadeId, BotMadeAad, expectedReads: 1))?.Id);
        Assert.Equal("p-imported", (await FindCountingAsync(members, reads, "29:1imported-in-teams", ImportedAad, expectedReads: 1))?.Id);
        Assert.Equal(TeamsOnlyId, (await FindCountingAsync(members, reads, TeamsOnlyId, "44444444-4444-4444-8444-444444444444", expectedReads: 1))?.Id);
        Assert.Null(await FindCountingAsync(members, reads, StrangerId, StrangerAad, expectedReads: 1));
        Assert.Null(await FindCountingAsync(members, reads, StrangerId, aadObjectId: null, expectedReads: 1));
    }

    [Fact]
    public async Task IndexNotLoadedYet_ReadsByTeamsIdAndByEntraId()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var (store, reads) = await SeededStoreAsync(bot);
        var members = new MemberProfiles(store, new ExpertIndexHolder(ExpertIndex.Empty(Community)));

        Assert.Equal(TeamsOnlyId, (await FindCountingAsync(members, reads, TeamsOnlyId, StrangerAad, expectedReads: 1))?.Id);
        Assert.Null(await FindCountingAsync(members, reads, StrangerId, StrangerAad, expectedReads: 2));
    }

    [Fact]
    public async Task ProfileKeyedByTeamsIdWithoutEntraId_WrittenAfterTheLoad_FoundOnceTheIndexIsRefreshed()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var (store, reads) = await SeededStoreAsync(bot);
        var index = await LoadedIndexAsync(store);
        var members = new MemberProfiles(store, index);
        await store.UpsertAsync(new ExpertProfile(Community, "29:1late", "Late Import", [], [CommunityRole.Member]), CancellationToken.None);

        // The documented gap: until the refresh only the Entra lookup runs, and this profile has no Entra id.
        Assert.Null(await FindCountingAsync(members, reads, "29:1late", StrangerAad, expectedReads: 1));
        await index.RefreshAsync(store);
        Assert.Equal("29:1late", (await FindCountingAsync(members, reads, "29:1late", StrangerAad, expectedReads: 1))?.Id);
    }

    private static async Task<ExpertProfile?> FindCountingAsync(MemberProfiles members, List<string> reads, string memberId, string? aadObjectId, int expectedReads)
    {
        reads.Clear();
        var found = await members.FindAsync(Community, memberId, aadObjectId, CancellationToken.None);
        Assert.Equal(expectedReads, reads.Count);
        return found;
    }

    private static async Task<ExpertIndexHolder> LoadedIndexAsync(IProfileStore store)
    {
        var index = new ExpertIndexHolder(ExpertIndex.Empty(Community));
        await index.RefreshAsync(store);
        Assert.True(index.IsLoaded);
        return index;
    }

    // Three kinds of profile: made through the bot (Teams id and Entra id), imported (own id, Entra id), Teams id only.
    private static async Task<(IProfileStore Store, List<string> Reads)> SeededStoreAsync(BotHarness bot)
    {
        var real = bot.Services.GetRequiredService<IProfileStore>();
        await real.UpsertAsync(new ExpertProfile(Community, BotMadeId, "Bot Made", [], [CommunityRole.Member]) { AadObjectId = BotMadeAad }, CancellationToken.None);
        await real.UpsertAsync(new ExpertProfile(Community, "p-imported", "Imported", [], [CommunityRole.Member]) { AadObjectId = ImportedAad }, CancellationToken.None);
        await real.UpsertAsync(new ExpertProfile(Community, TeamsOnlyId, "Teams Only", [], [CommunityRole.Member]), CancellationToken.None);

        var store = new CountingProfileStore(real);
        return (store, store.Reads);
    }
}

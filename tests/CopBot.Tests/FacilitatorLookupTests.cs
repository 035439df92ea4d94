using CopBot.Community;
using CopBot.Features.Profile;
using CopBot.Features.Requests;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests;

/// <summary>
/// Finding the facilitators to call when no expert is left, or to tell about a gap: from the loaded routing index
/// without a storage read, from the store when the index names none. On Azurite, with a store that counts its reads.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class FacilitatorLookupTests(AzuriteFixture azurite)
{
    private const string Community = "default";

    [Fact]
    public async Task LoadedIndex_FacilitatorsFoundWithoutReadingStorage_ByIdUpToTheLimit()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var store = await SeededStoreAsync(bot, "p-zoe", "p-ada", "p-max");
        var index = new ExpertIndexHolder(ExpertIndex.Empty(Community));
        await index.RefreshAsync(store);
        var authorization = AuthorizationOver(store, index);
        store.Reads.Clear();

        var facilitators = await authorization.FacilitatorsAsync(Community, 2, CancellationToken.None);

        Assert.Equal(["p-ada", "p-max"], facilitators.Select(f => f.Id));
        Assert.Empty(store.Reads);
    }

    [Fact]
    public async Task IndexNotLoaded_StoreScanned()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var store = await SeededStoreAsync(bot, "p-ada");
        var authorization = AuthorizationOver(store, new ExpertIndexHolder(ExpertIndex.Empty(Community)));

        var facilitators = await authorization.FacilitatorsAsync(Community, 3, CancellationToken.None);

        Assert.Equal(["p-ada"], facilitators.Select(f => f.Id));
        Assert.Equal(["list:" + Community], store.Reads);
    }

    [Fact]
    public async Task FacilitatorImportedAfterTheLoad_FoundInTheStoreBeforeTheNextRefresh()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var store = await SeededStoreAsync(bot);
        var index = new ExpertIndexHolder(ExpertIndex.Empty(Community));
        await index.RefreshAsync(store);
        await store.UpsertAsync(Profile("p-late", CommunityRole.Facilitator), CancellationToken.None);
        store.Reads.Clear();

        var facilitators = await AuthorizationOver(store, index).FacilitatorsAsync(Community, 3, CancellationToken.None);

        Assert.Equal(["p-late"], facilitators.Select(f => f.Id));
        Assert.Equal(["list:" + Community], store.Reads);
    }

    private static RequestAuthorization AuthorizationOver(IProfileStore store, ExpertIndexHolder index) =>
        new(store, new MemberProfiles(store, index), index);

    // A plain member beside the given facilitators, so the lookup has someone to leave out.
    private static async Task<CountingProfileStore> SeededStoreAsync(BotHarness bot, params string[] facilitatorIds)
    {
        var store = new CountingProfileStore(bot.Services.GetRequiredService<IProfileStore>());
        await store.UpsertAsync(Profile("p-member", CommunityRole.Member), CancellationToken.None);
        foreach (var id in facilitatorIds)
        {
            await store.UpsertAsync(Profile(id, CommunityRole.Facilitator), CancellationToken.None);
        }

        return store;
    }

    private static ExpertProfile Profile(string id, CommunityRole role) => new(Community, id, "Name " + id, [], [role]);
}

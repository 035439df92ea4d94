using System.Net;
using System.Text.Json.Nodes;
using CopBot.Community;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests;

/// <summary>The profile command and its edit form, through the real pipeline and storage.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ProfileFeatureTests(AzuriteFixture azurite)
{
    private const string NewMemberId = "29:1Zeynep-new-member";

    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static JsonObject Save(BotHarness bot, string skills, string? organization = "ReliefLink", string? busyUntil = null, JsonNode? maxOpenRequests = null)
    {
        var press = bot.Payload("invoke-adaptive-card-action");
        press["id"] = "f:" + Guid.NewGuid();
        press["from"] = new JsonObject { ["id"] = NewMemberId, ["name"] = "Zeynep Karaca" };
        press["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = "profile.save",
                ["data"] = new JsonObject
                {
                    ["skills"] = skills, ["organization"] = organization, ["languages"] = "English, Turkish", ["bio"] = "Field coordinator.",
                    ["busyUntil"] = busyUntil, ["maxOpenRequests"] = maxOpenRequests,
                },
            },
            ["trigger"] = "manual",
        };
        return press;
    }

    private static async Task<string> CardOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!.ToJsonString();
    }

    [Fact]
    public async Task Profile_NewMemberCreatesOne_StoredAndRoutedToAtOnce()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var show = bot.Payload("personal-message");
        show["text"] = "profile";
        show["from"] = new JsonObject { ["id"] = NewMemberId, ["name"] = "Zeynep Karaca" };

        using (var shown = await bot.PostAsync(show))
        {
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        }

        using var saved = await bot.PostAsync(Save(bot, "peatland fire ecology:5, prescribed burning"));

        Assert.Contains("You have no profile yet", Assert.Single(bot.SentCards).ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Saved.", await CardOfAsync(saved), StringComparison.Ordinal);
        var profile = (await bot.Services.GetRequiredService<IProfileStore>().GetAsync("default", NewMemberId, CancellationToken.None))!;
        Assert.Equal([("peatland fire ecology", 5), ("prescribed burning", 3)], profile.Skills.Select(s => (s.Tag, s.Level)));
        Assert.Equal(["English", "Turkish"], profile.Languages);
        Assert.Contains(CommunityRole.Expert, profile.Roles);
        var search = await bot.Services.GetRequiredService<IExpertFinder>().FindAsync("default", QueryText.Parse("peatland fire ecology after the burn #peatland-fire-ecology"), "29:1asker", 3, CancellationToken.None);
        Assert.Equal(NewMemberId, search.Matches[0].ExpertId);
    }

    [Fact]
    public async Task Profile_BadLevel_ExplainedAndNothingStored()
    {
        await using var bot = await BotHarness.StartAsync(azurite);

        using var response = await bot.PostAsync(Save(bot, "fire:9"));

        Assert.Contains("levels go from 1 to 5", await CardOfAsync(response), StringComparison.Ordinal);
        Assert.Null(await bot.Services.GetRequiredService<IProfileStore>().GetAsync("default", NewMemberId, CancellationToken.None));
    }

    [Fact]
    public async Task Profile_ExistingExpertEdits_KeepsHistoryAndRoles()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var store = bot.Services.GetRequiredService<IProfileStore>();
        await store.UpsertAsync(new ExpertProfile("default", NewMemberId, "Zeynep Karaca", [new Skill("nutrition", 2)], [CommunityRole.Facilitator])
        {
            History = [new AnsweredQuestion("How to screen for malnutrition?", null, ["nutrition"], null)],
        }, CancellationToken.None);

        using var response = await bot.PostAsync(Save(bot, "nutrition:4, cmam:3", organization: null));

        Assert.Contains("Saved.", await CardOfAsync(response), StringComparison.Ordinal);
        var profile = (await store.GetAsync("default", NewMemberId, CancellationToken.None))!;
        Assert.Equal([CommunityRole.Facilitator], profile.Roles);
        Assert.Single(profile.History);
        Assert.Equal(4, profile.Skills.Single(s => s.Tag == "nutrition").Level);
        Assert.Null(profile.Organization);
    }

    [Fact]
    public async Task Profile_SetsBusyUntilAndMaxOpenRequests_StoredShownAndRoutingSkipsTheMemberUntilThen()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var finder = bot.Services.GetRequiredService<IExpertFinder>();
        var question = QueryText.Parse("peatland fire ecology after the burn #peatland-fire-ecology");

        using var saved = await bot.PostAsync(Save(bot, "peatland fire ecology:5", busyUntil: "2026-03-10", maxOpenRequests: "5"));

        var card = await CardOfAsync(saved);
        Assert.Contains("Saved. No request reaches you before 2026-03-10.", card, StringComparison.Ordinal);
        Assert.Contains("Busy until 2026-03-10", card, StringComparison.Ordinal);
        Assert.Contains("up to 5 open requests", card, StringComparison.Ordinal);
        var profile = (await bot.Services.GetRequiredService<IProfileStore>().GetAsync("default", NewMemberId, CancellationToken.None))!;
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), profile.BusyUntil);
        Assert.Equal(5, profile.MaxOpenRequests);
        Assert.DoesNotContain((await finder.FindAsync("default", question, "29:1asker", 3, CancellationToken.None)).Matches, m => m.ExpertId == NewMemberId);

        clock.Advance(TimeSpan.FromDays(8));

        Assert.Equal(NewMemberId, (await finder.FindAsync("default", question, "29:1asker", 3, CancellationToken.None)).Matches[0].ExpertId);
        using var shown = await bot.PostAsync(Show(bot));
        var shownCard = Assert.Single(bot.SentCards).ToJsonString();
        Assert.Contains("Available", shownCard, StringComparison.Ordinal);
        Assert.DoesNotContain("Busy until", shownCard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_ClearsBusyUntilAndSetsZeroOpenRequests_AvailableButNeverRouted()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var store = bot.Services.GetRequiredService<IProfileStore>();
        await store.UpsertAsync(new ExpertProfile("default", NewMemberId, "Zeynep Karaca", [new Skill("nutrition", 4)], [CommunityRole.Expert]) { BusyUntil = DateTimeOffset.UtcNow.AddDays(30) }, CancellationToken.None);

        using var response = await bot.PostAsync(Save(bot, "nutrition:4", busyUntil: "", maxOpenRequests: 0));

        Assert.Contains("Saved. No request (question, discussion, review or working group) reaches you while open requests are set to 0.", await CardOfAsync(response), StringComparison.Ordinal);
        var profile = (await store.GetAsync("default", NewMemberId, CancellationToken.None))!;
        Assert.Null(profile.BusyUntil);
        Assert.Equal(0, profile.MaxOpenRequests);
        var search = await bot.Services.GetRequiredService<IExpertFinder>().FindAsync("default", QueryText.Parse("nutrition screening #nutrition"), "29:1asker", 3, CancellationToken.None);
        Assert.DoesNotContain(search.Matches, m => m.ExpertId == NewMemberId);
    }

    [Theory]
    [InlineData("2026-03-01", null, "must be a date after today")]
    [InlineData("2026-03-02", null, "must be a date after today")]
    [InlineData("next monday", null, "is not a date")]
    [InlineData(null, "101", "a whole number from 0 to 100")]
    [InlineData(null, "2.5", "a whole number from 0 to 100")]
    [InlineData(null, "-1", "a whole number from 0 to 100")]
    [InlineData(null, "lots", "a whole number from 0 to 100")]
    public async Task Profile_BadAvailability_ExplainedOnTheCardAndNothingStored(string? busyUntil, string? maxOpenRequests, string expected)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false, configureServices: s => s.AddSingleton<TimeProvider>(clock));

        using var response = await bot.PostAsync(Save(bot, "fire:4", busyUntil: busyUntil, maxOpenRequests: maxOpenRequests));

        var card = await CardOfAsync(response);
        Assert.Contains(expected, card, StringComparison.Ordinal);
        Assert.Contains("You have no profile yet", card, StringComparison.Ordinal);
        Assert.Null(await bot.Services.GetRequiredService<IProfileStore>().GetAsync("default", NewMemberId, CancellationToken.None));
    }

    private static JsonObject Show(BotHarness bot)
    {
        var show = bot.Payload("personal-message");
        show["text"] = "profile";
        show["from"] = new JsonObject { ["id"] = NewMemberId, ["name"] = "Zeynep Karaca" };
        return show;
    }
}

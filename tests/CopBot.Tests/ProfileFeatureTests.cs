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

    private static JsonObject Save(BotHarness bot, string skills, string? organization = "ReliefLink")
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
                ["data"] = new JsonObject { ["skills"] = skills, ["organization"] = organization, ["languages"] = "English, Turkish", ["bio"] = "Field coordinator." },
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
}

using System.Net;
using System.Text.Json.Nodes;
using CopBot.Community;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Tests;

/// <summary>
/// A profile imported with only an e-mail (no Teams id, no Entra object id) is linked through the team roster:
/// the bot reads every page of <c>pagedmembers</c>, saves each member's e-mail and sign-in name, and outreach then
/// finds the expert's Teams address by e-mail, so they get a 1:1 card instead of an @mention.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class RosterLinkingTests(AzuriteFixture azurite)
{
    private const string IngridTeamsId = "29:1IngridHalvorsenTeamsUserIdFromTheRoster";
    private const string IngridProfile = """
        {"id":"hr-04217","name":"Ingrid Halvorsen","email":"Ingrid.Halvorsen@reliefnet.example","skills":[{"tag":"glacial-lake-outburst","level":5},{"tag":"early-warning","level":5}]}
        """;

    // Shaped like Teams' answer to GET /v3/conversations/{id}/pagedmembers: "objectId", directory fields, two pages.
    private static string FirstPage => new JsonObject
    {
        ["continuationToken"] = "eyJwYWdlIjoyfQ==",
        ["members"] = new JsonArray(new JsonObject
        {
            ["id"] = CommunityScenario.AmaraId, ["name"] = "Amara Nwosu-Lindqvist", ["objectId"] = CommunityScenario.AmaraAad,
            ["givenName"] = "Amara", ["surname"] = "Nwosu-Lindqvist", ["email"] = "amara.nwosu@wfp.example.org",
            ["userPrincipalName"] = "anwosu@wfp.example.org", ["tenantId"] = CommunityScenario.Tenant, ["userRole"] = "user",
        }),
    }.ToJsonString();

    private static string SecondPage => new JsonObject
    {
        ["members"] = new JsonArray(new JsonObject
        {
            ["id"] = IngridTeamsId, ["name"] = "Ingrid Halvorsen", ["objectId"] = "5c9e2a41-7b3d-4e8f-a6c0-1d2e3f4a5b6c",
            ["givenName"] = "Ingrid", ["surname"] = "Halvorsen", ["email"] = "ingrid.halvorsen@reliefnet.example",
            ["userPrincipalName"] = "ihalvorsen@reliefnet.example", ["tenantId"] = CommunityScenario.Tenant, ["userRole"] = "user",
        }),
    }.ToJsonString();

    [Fact]
    public async Task Query_ExpertProfileWithOnlyEmail_GetsA1to1CardThroughTheRosterEmail()
    {
        await using var bot = await CommunityScenario.StartAsync(azurite, new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero)));
        using (var reader = new StringReader(IngridProfile.Trim()))
        {
            Assert.Empty((await new ProfileImporter(bot.Services.GetRequiredService<IProfileStore>()).ImportAsync(reader)).Errors);
        }

        await bot.RefreshExpertIndexAsync();
        bot.Connector.PagedMembersJson = FirstPage;
        bot.Connector.PagedMembersContinuations = new Dictionary<string, string> { ["eyJwYWdlIjoyfQ=="] = SecondPage };
        using (var installed = await bot.PostAsync(bot.Payload("conversation-update-bot-added")))
        {
            Assert.Equal(HttpStatusCode.OK, installed.StatusCode);
        }

        var contacts = bot.Services.GetRequiredService<IContactStore>();
        var saved = await contacts.FindMemberByEmailAsync(CommunityScenario.Tenant, "INGRID.halvorsen@reliefnet.example", CancellationToken.None);
        Assert.Equal((IngridTeamsId, "ihalvorsen@reliefnet.example"), (saved?.UserId, saved?.UserPrincipalName));
        Assert.Equal(CommunityScenario.AmaraAad, (await contacts.GetMemberAsync(CommunityScenario.Tenant, CommunityScenario.AmaraId, CancellationToken.None))?.AadObjectId);
        Assert.Equal(2, bot.Sent.Count(r => r.Path.EndsWith("/pagedmembers", StringComparison.Ordinal)));

        var ask = await QueryScenario.AskInChannelAsync(bot, "Which sirens survive avalanches for glacial lake outburst warnings? #glacial-lake-outburst");

        var query = (await bot.Services.GetRequiredService<IQueryStore>().ListAsync("default", CancellationToken.None)).Single(q => q.Place.QuestionActivityId == (string)ask["id"]!);
        var ingrid = query.Find("hr-04217", null)!;
        Assert.Equal((AssignmentState.Asked, NotificationChannel.PersonalCard), (ingrid.State, ingrid.NotifiedBy));
        var created = Assert.Single(bot.Sent, r => r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Equal(IngridTeamsId, (string?)created.Json!["members"]![0]!["id"]);
        Assert.DoesNotContain(bot.Sent, r => r.Body.Contains("<at>Ingrid Halvorsen</at>", StringComparison.Ordinal));
    }
}

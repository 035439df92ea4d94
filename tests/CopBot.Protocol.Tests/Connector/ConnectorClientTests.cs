using System.Diagnostics;
using System.Net;
using CopBot.Protocol.Connector;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Protocol.Tests.Connector;

public class ConnectorClientTests
{
    private const string Personal = "a:1x8Hq0bWQz3n5TfJc2vK9mR7pL4sD6gY1eA3uI5oN7wB9tC2xZ4hF6jM8kP0qS2vU4yX6aE8cG0iK2mO4qR6tV8";
    private const string Channel = "19:7b2e4d6f8a0c4e1b9d3f5a7c2e4b6d8f@thread.tacv2";
    private const string Thread = Channel + ";messageid=1741684467331";
    private const string EscapedThread = "19%3A7b2e4d6f8a0c4e1b9d3f5a7c2e4b6d8f%40thread.tacv2%3Bmessageid%3D1741684467331";

    [Fact]
    public async Task SendToConversationAsync_Message_PostsActivityToConversation()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var response = await harness.Client.SendToConversationAsync(harness.Server.ServiceUrl, Personal, Activity.CreateMessage("Hello"), CancellationToken.None);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/amer/v3/conversations/{Uri.EscapeDataString(Personal)}/activities", request.RawTarget);
        JsonAssert.Equivalent("""{"type":"message","text":"Hello"}""", request.Body);
        Assert.Equal("fake-activity-1", response.Id);
    }

    [Fact]
    public async Task ReplyToActivityAsync_ChannelThread_EscapesIdsInRoute()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        await harness.Client.ReplyToActivityAsync(harness.Server.ServiceUrl, Thread, "1741684467331", Activity.CreateMessage("In thread"), CancellationToken.None);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/amer/v3/conversations/{EscapedThread}/activities/1741684467331", request.RawTarget);
        Assert.Equal($"/amer/v3/conversations/{Thread}/activities/1741684467331", request.Path);
    }

    [Fact]
    public async Task UpdateActivityAsync_Card_PutsToActivityRoute()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        using var card = System.Text.Json.JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[]}""");
        var update = Activity.CreateAdaptiveCardMessage(card.RootElement, "Updated");
        update.Id = "1:1pX4tR7w";

        await harness.Client.UpdateActivityAsync(harness.Server.ServiceUrl, Personal, "1:1pX4tR7w", update, CancellationToken.None);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.EndsWith("/activities/1%3A1pX4tR7w", request.RawTarget, StringComparison.Ordinal);
        Assert.Equal("""{"type":"AdaptiveCard","version":"1.5","body":[]}""", request.Json!["attachments"]![0]!["content"]!.ToJsonString());
    }

    [Fact]
    public async Task CreateConversationAsync_PersonalChat_PostsParametersAndReadsConversation()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var parameters = ConversationParameters.ForPersonalChat(
            new ChannelAccount { Id = "28:" + ConnectorHarness.AppId, Name = "CopBot" }, new ChannelAccount { Id = "29:1GcS4EN9ej" }, "tenant-1");
        parameters.Activity = Activity.CreateMessage("A question for you");

        var created = await harness.Client.CreateConversationAsync(harness.Server.ServiceUrl, parameters, CancellationToken.None);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal(("POST", "/amer/v3/conversations"), (request.Method, request.RawTarget));
        JsonAssert.Equivalent(
            """
            {"isGroup":false,"bot":{"id":"28:APP","name":"CopBot"},"members":[{"id":"29:1GcS4EN9ej"}],
             "tenantId":"tenant-1","activity":{"type":"message","text":"A question for you"},"channelData":{"tenant":{"id":"tenant-1"}}}
            """.Replace("APP", ConnectorHarness.AppId, StringComparison.Ordinal),
            request.Body);
        Assert.Equal("a:fake-conversation-1", created.Id);
        Assert.Equal("fake-activity-1", created.ActivityId);
    }

    [Fact]
    public async Task GetPagedMembersAsync_PageSizeAndToken_SendsQueryAndReadsMembers()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.PagedMembersJson = """
            {"continuationToken":"next+page","members":[{"id":"29:1GcS4EN9ej","name":"Ada Lovelace","aadObjectId":"3f6c9b1e",
             "email":"ada@contoso.com","userPrincipalName":"ada@contoso.com","givenName":"Ada","surname":"Lovelace","tenantId":"tenant-1","userRole":"user"}]}
            """;

        var page = await harness.Client.GetPagedMembersAsync(harness.Server.ServiceUrl, Channel, 100, "abc=", CancellationToken.None);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/amer/v3/conversations/19%3A7b2e4d6f8a0c4e1b9d3f5a7c2e4b6d8f%40thread.tacv2/pagedmembers?pageSize=100&continuationToken=abc%3D", request.RawTarget);
        Assert.Equal("next+page", page.ContinuationToken);
        var member = Assert.Single(page.Members!);
        Assert.Equal(("Ada Lovelace", "ada@contoso.com", "user"), (member.Name, member.UserPrincipalName, member.UserRole));
    }

    [Fact]
    public async Task SendToConversationAsync_ServiceUrlWithoutTrailingSlash_KeepsPathBase()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        await harness.Client.SendToConversationAsync(harness.Server.ServiceUrl.TrimEnd('/'), Personal, Activity.CreateMessage("x"), CancellationToken.None);

        Assert.StartsWith("/amer/v3/conversations/", Assert.Single(harness.Server.Requests).RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendToConversationAsync_ManyCalls_AttachBearerFromOneTokenRequest()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        for (var i = 0; i < 5; i++)
        {
            await harness.Client.SendToConversationAsync(harness.Server.ServiceUrl, Personal, Activity.CreateMessage($"#{i}"), CancellationToken.None);
        }

        Assert.All(harness.Server.Requests, r => Assert.Equal("Bearer fake-token-1", r.Authorization));
        Assert.Equal(1, harness.Server.TokenRequestCount);
    }

    [Fact]
    public async Task SendToConversationAsync_TokenExpired_AttachesNewToken()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 11, 9, 0, 0, TimeSpan.Zero));
        await using var harness = await ConnectorHarness.StartAsync(clock: clock);

        await harness.Client.SendToConversationAsync(harness.Server.ServiceUrl, Personal, Activity.CreateMessage("before"), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(56));
        await harness.Client.SendToConversationAsync(harness.Server.ServiceUrl, Personal, Activity.CreateMessage("after"), CancellationToken.None);

        Assert.Equal(["Bearer fake-token-1", "Bearer fake-token-2"], harness.Server.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task SendToConversationAsync_AnonymousMode_SendsNoAuthorization()
    {
        await using var harness = await ConnectorHarness.StartAsync(anonymous: true);

        await harness.Client.SendToConversationAsync(harness.Server.ServiceUrl, Personal, Activity.CreateMessage("local"), CancellationToken.None);

        Assert.Null(Assert.Single(harness.Server.Requests).Authorization);
        Assert.Equal(0, harness.Server.TokenRequestCount);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task SendToConversationAsync_TransientFailuresThenSuccess_DeliversExactlyOnce(int status)
    {
        await using var harness = await ConnectorHarness.StartAsync(maxRetryAttempts: 3);
        harness.Server.FailNext(status, times: 2);

        var response = await harness.Client.SendToConversationAsync(harness.Server.ServiceUrl, Personal, Activity.CreateMessage("once"), CancellationToken.None);

        Assert.Equal([status, status, 201], harness.Server.Requests.Select(r => r.StatusCode));
        Assert.Single(harness.Server.Requests, r => r.StatusCode < 300);
        Assert.All(harness.Server.Requests, r => JsonAssert.Equivalent("""{"type":"message","text":"once"}""", r.Body));
        Assert.Equal("fake-activity-1", response.Id);
    }

    [Fact]
    public async Task SendToConversationAsync_TooManyRequestsWithRetryAfter_WaitsAsAsked()
    {
        await using var harness = await ConnectorHarness.StartAsync(retryBaseDelay: "00:00:00.001");
        harness.Server.FailNext(429, retryAfter: TimeSpan.FromSeconds(1));

        await harness.Client.SendToConversationAsync(harness.Server.ServiceUrl, Personal, Activity.CreateMessage("later"), CancellationToken.None);

        var requests = harness.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(950), $"retried after {requests[1].ReceivedAt - requests[0].ReceivedAt}");
    }

    [Fact]
    public async Task SendToConversationAsync_FailingBeyondMaxAttempts_ThrowsConnectorException()
    {
        await using var harness = await ConnectorHarness.StartAsync(maxRetryAttempts: 2);
        harness.Server.FailNext(503, times: 10);

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => harness.Client.SendToConversationAsync(harness.Server.ServiceUrl, Personal, Activity.CreateMessage("lost"), CancellationToken.None));

        Assert.Equal(3, harness.Server.Requests.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Contains("Fake503", error.ResponseBody, StringComparison.Ordinal);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendToConversationAsync_ServerErrorOnWrite_NotRetried()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.FailNext(500);

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => harness.Client.SendToConversationAsync(harness.Server.ServiceUrl, Personal, Activity.CreateMessage("maybe posted"), CancellationToken.None));

        Assert.Single(harness.Server.Requests);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
    }

    [Fact]
    public async Task GetPagedMembersAsync_ServerErrorOnRead_Retried()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.FailNext(500);

        await harness.Client.GetPagedMembersAsync(harness.Server.ServiceUrl, Channel, null, null, CancellationToken.None);

        Assert.Equal([500, 200], harness.Server.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task SendToConversationAsync_Forbidden_ThrowsWithStatusAndBody()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.FailNext(403, body: """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => harness.Client.SendToConversationAsync(harness.Server.ServiceUrl, Personal, Activity.CreateMessage("x"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Contains("BotNotInConversationRoster", error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_AppClockIsFrozenFake_RetriesAndThrottleStillMoveOn()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 11, 9, 0, 0, TimeSpan.Zero));
        await using var harness = await ConnectorHarness.StartAsync(clock: clock);
        harness.Server.FailNext(502);

        var sends = Enumerable.Range(0, 8)
            .Select(i => harness.Client.SendToConversationAsync(harness.Server.ServiceUrl, Personal, Activity.CreateMessage($"#{i}"), CancellationToken.None));
        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(8, harness.Server.Requests.Count(r => r.StatusCode < 300));
    }

    [Fact]
    public async Task SendToConversationAsync_BurstToOneConversation_ThrottledWhileOtherConversationFlows()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var url = harness.Server.ServiceUrl;

        var burst = Enumerable.Range(0, 8)
            .Select(i => harness.Client.SendToConversationAsync(url, Thread, Activity.CreateMessage($"#{i}"), CancellationToken.None))
            .ToList();
        var elapsed = Stopwatch.StartNew();
        await harness.Client.SendToConversationAsync(url, Personal, Activity.CreateMessage("elsewhere"), CancellationToken.None);
        var otherConversationTook = elapsed.Elapsed;
        await Task.WhenAll(burst);

        var channelArrivals = harness.Server.Requests.Where(r => r.Path.Contains(Channel, StringComparison.Ordinal)).Select(r => r.ReceivedAt).Order().ToList();
        Assert.Equal(8, channelArrivals.Count);
        Assert.True(channelArrivals[7] - channelArrivals[0] >= TimeSpan.FromMilliseconds(900), $"8 calls within {channelArrivals[7] - channelArrivals[0]}");
        Assert.True(otherConversationTook < TimeSpan.FromMilliseconds(800), $"other conversation waited {otherConversationTook}");
    }
}

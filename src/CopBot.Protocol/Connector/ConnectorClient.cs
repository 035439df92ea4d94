using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace CopBot.Protocol.Connector;

/// <summary>
/// The Bot Connector v3 client. A singleton: it takes a fresh pooled HttpClient from the factory per call (so
/// handlers rotate), attaches the bot's bearer token, and waits for the per-conversation throttle before every
/// write to an existing conversation. Retries live in the HttpClient's resilience handler.
/// </summary>
public sealed class ConnectorClient(
    IHttpClientFactory httpClientFactory,
    IBotTokenProvider tokenProvider,
    ConversationThrottle throttle,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    public const string HttpClientName = "CopBot.Connector";

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var uri = ConnectorRoutes.Activities(serviceUrl, conversationId);
        return WriteToConversationAsync<ResourceResponse>(HttpMethod.Post, uri, conversationId, activity, cancellationToken);
    }

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var uri = ConnectorRoutes.Activity(serviceUrl, conversationId, replyToId);
        return WriteToConversationAsync<ResourceResponse>(HttpMethod.Post, uri, conversationId, activity, cancellationToken);
    }

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var uri = ConnectorRoutes.Activity(serviceUrl, conversationId, activityId);
        return WriteToConversationAsync<ResourceResponse>(HttpMethod.Put, uri, conversationId, activity, cancellationToken);
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return SendAsync<ConversationParameters, ConversationResourceResponse>(HttpMethod.Post, ConnectorRoutes.Conversations(serviceUrl), parameters, cancellationToken);
    }

    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var uri = ConnectorRoutes.PagedMembers(serviceUrl, conversationId, pageSize, continuationToken);
        return SendAsync<object, PagedMembersResult>(HttpMethod.Get, uri, null, cancellationToken);
    }

    private async Task<TResponse> WriteToConversationAsync<TResponse>(
        HttpMethod method, Uri uri, string conversationId, Activity activity, CancellationToken cancellationToken)
        where TResponse : class, new()
    {
        var admission = await throttle.WaitAsync(conversationId, cancellationToken);
        if (admission.Waited > TimeSpan.Zero)
        {
            Log.Throttled(logger, conversationId, admission.Waited.TotalMilliseconds);
        }

        return await SendAsync<Activity, TResponse>(method, uri, activity, cancellationToken);
    }

    private async Task<TResponse> SendAsync<TBody, TResponse>(HttpMethod method, Uri uri, TBody? body, CancellationToken cancellationToken)
        where TResponse : class, new()
    {
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            // Buffered rather than streamed, so a retry can send the same bytes again.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, ProtocolJson.Options));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        if (await tokenProvider.GetTokenAsync(cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var http = httpClientFactory.CreateClient(HttpClientName);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            Log.ConnectorCallFailed(logger, method, uri.AbsolutePath, (int)response.StatusCode);
            throw new ConnectorException(method, uri, response.StatusCode, text);
        }

        return string.IsNullOrWhiteSpace(text)
            ? new TResponse()
            : JsonSerializer.Deserialize<TResponse>(text, ProtocolJson.Options) ?? new TResponse();
    }
}

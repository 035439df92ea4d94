using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace CopBot.Testing;

/// <summary>One call the fake connector received, as it arrived on the wire.</summary>
/// <param name="RawTarget">Path and query exactly as sent (ids still escaped).</param>
/// <param name="Path">The decoded path.</param>
/// <param name="StatusCode">What the fake answered.</param>
/// <param name="ReceivedAt">Time since the server started, for spacing checks.</param>
public sealed record RecordedRequest(
    string Method, string RawTarget, string Path, string? Authorization, string Body, int StatusCode, TimeSpan ReceivedAt)
{
    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);
}

/// <summary>
/// A Bot Connector and client-credentials token endpoint on a loopback Kestrel port. It records every connector
/// call, answers the v3 routes with plausible bodies, can be scripted to fail the next calls (429 with Retry-After,
/// 412, 5xx), and counts token requests. Serves any serviceUrl path base, e.g. <c>{BaseAddress}amer/</c>.
/// </summary>
public sealed class FakeConnectorServer : IAsyncDisposable
{
    public const string TokenPath = "/botframework.com/oauth2/v2.0/token";

    private readonly WebApplication _app;
    private readonly Stopwatch _uptime = Stopwatch.StartNew();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _tokenForms = new();
    private readonly ConcurrentQueue<ScriptedFailure> _failures = new();
    private int _tokenCount;
    private int _activityCount;
    private int _conversationCount;

    private FakeConnectorServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A Teams-like serviceUrl (with a path base and trailing slash) pointing at this server.</summary>
    public string ServiceUrl => new Uri(BaseAddress, "amer/").AbsoluteUri;

    public string TokenUrl => new Uri(BaseAddress, TokenPath).AbsoluteUri;

    /// <summary>The <c>expires_in</c> the token endpoint answers with.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The JSON answered to <c>GET …/pagedmembers</c>.</summary>
    public string PagedMembersJson { get; set; } = """{"members":[]}""";

    /// <summary>Further roster pages: the JSON answered to <c>GET …/pagedmembers?continuationToken=KEY</c> (other tokens get <see cref="PagedMembersJson"/>).</summary>
    public IReadOnlyDictionary<string, string> PagedMembersContinuations { get; set; } = new Dictionary<string, string>();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>
    /// Awaited before a connector call is answered (not token requests): a slow, gated or flaky connector. It returns
    /// a status to answer with instead (a failure, recorded as such) or null for the normal answer. A call whose
    /// client goes away meanwhile (the bot was killed) is neither recorded nor answered, like a request that never
    /// reached the service.
    /// </summary>
    public Func<HttpRequest, CancellationToken, Task<int?>>? BeforeAnswer { get; set; }

    public int TokenRequestCount => Volatile.Read(ref _tokenCount);

    public IReadOnlyList<IReadOnlyDictionary<string, string>> TokenForms => [.. _tokenForms];

    public static async Task<FakeConnectorServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeConnectorServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return server;
    }

    /// <summary>The next <paramref name="times"/> connector calls fail with <paramref name="statusCode"/>.</summary>
    public void FailNext(int statusCode, int times = 1, TimeSpan? retryAfter = null, string? body = null)
    {
        for (var i = 0; i < times; i++)
        {
            _failures.Enqueue(new ScriptedFailure(statusCode, retryAfter, body ?? ScriptedError(statusCode)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        if (HttpMethods.IsPost(request.Method) && request.Path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase))
        {
            await AnswerTokenAsync(context.Response, body);
            return;
        }

        int? forced = null;
        if (BeforeAnswer is { } hold)
        {
            try
            {
                forced = await hold(request, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
        }

        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.ToString();
        var (status, json, retryAfter) = forced is { } code
            ? (code, ScriptedError(code), code == 429 ? TimeSpan.Zero : (TimeSpan?)null)
            : _failures.TryDequeue(out var failure)
            ? (failure.StatusCode, failure.Body, failure.RetryAfter)
            : Answer(request.Method, request.Path.Value ?? string.Empty, body, request.Query["continuationToken"].ToString());
        _requests.Enqueue(new RecordedRequest(
            request.Method, rawTarget, request.Path.Value ?? string.Empty, request.Headers.Authorization.FirstOrDefault(), body, status, _uptime.Elapsed));

        context.Response.StatusCode = status;
        if (retryAfter is { } delay)
        {
            context.Response.Headers.RetryAfter = ((int)delay.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }

    private (int Status, string Json, TimeSpan? RetryAfter) Answer(string method, string path, string body, string continuation)
    {
        if (HttpMethods.IsGet(method) && path.EndsWith("/pagedmembers", StringComparison.Ordinal))
        {
            return (200, PagedMembersContinuations.TryGetValue(continuation, out var page) ? page : PagedMembersJson, null);
        }

        if (HttpMethods.IsPost(method) && path.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            var number = Interlocked.Increment(ref _conversationCount);
            var hasActivity = JsonNode.Parse(body)?["activity"] is not null;
            var answer = new JsonObject { ["id"] = $"a:fake-conversation-{number}" };
            if (hasActivity)
            {
                answer["activityId"] = $"fake-activity-{Interlocked.Increment(ref _activityCount)}";
            }

            return (201, answer.ToJsonString(), null);
        }

        if ((HttpMethods.IsPost(method) || HttpMethods.IsPut(method)) && path.Contains("/activities", StringComparison.Ordinal))
        {
            var id = $"fake-activity-{Interlocked.Increment(ref _activityCount)}";
            return (HttpMethods.IsPut(method) ? 200 : 201, new JsonObject { ["id"] = id }.ToJsonString(), null);
        }

        return (404, """{"error":{"code":"NotFound","message":"no such route in the fake connector"}}""", null);
    }

    private async Task AnswerTokenAsync(HttpResponse response, string body)
    {
        var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : string.Empty));
        _tokenForms.Enqueue(form);
        var number = Interlocked.Increment(ref _tokenCount);
        var seconds = (long)TokenLifetime.TotalSeconds;
        response.ContentType = "application/json";
        await response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = seconds,
            ["ext_expires_in"] = seconds,
            ["access_token"] = $"fake-token-{number}",
        }));
    }

    private static string ScriptedError(int statusCode) =>
        new JsonObject { ["error"] = new JsonObject { ["code"] = $"Fake{statusCode}", ["message"] = "scripted failure" } }.ToJsonString();

    private sealed record ScriptedFailure(int StatusCode, TimeSpan? RetryAfter, string Body);
}

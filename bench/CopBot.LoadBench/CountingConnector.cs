using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CopBot.LoadBench;

/// <summary>
/// The Bot Connector both bots reply to: it answers every activity POST/PUT with a resource id and only counts,
/// so a long soak does not grow the benchmark's own memory. The bots run anonymous, so no token endpoint is needed.
/// Each bot gets its own service URL (a Teams region path), so the replies of two bots measured in turn are told apart.
/// </summary>
internal sealed class CountingConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _replies = new(StringComparer.Ordinal);

    private CountingConnector(WebApplication app) => _app = app;

    private string _root = "";

    /// <summary>The service URL one bot's messages carry: <c>{root}/{region}/</c>, counted apart from the others.</summary>
    public string ServiceUrl(string region) => $"{_root}/{region}/";

    /// <summary>Replies received under <paramref name="region"/>'s service URL so far.</summary>
    public long Replies(string region) => _replies.GetValueOrDefault(region);

    public static async Task<CountingConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var connector = new CountingConnector(app);
        app.MapMethods("/{region}/v3/conversations/{**rest}", ["POST", "PUT"], (string region) => connector.Reply(region));
        await app.StartAsync();
        connector._root = app.Urls.First().TrimEnd('/');
        return connector;
    }

    private IResult Reply(string region)
    {
        var id = _replies.AddOrUpdate(region, 1, (_, count) => count + 1);
        return Results.Json(new { id = $"reply-{region}-{id}" });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

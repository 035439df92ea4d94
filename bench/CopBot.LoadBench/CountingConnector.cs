using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CopBot.LoadBench;

/// <summary>
/// The Bot Connector both bots reply to: it answers every activity POST/PUT with a resource id and only counts,
/// so a long soak does not grow the benchmark's own memory. The bots run anonymous, so no token endpoint is needed.
/// </summary>
internal sealed class CountingConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _replies;

    private CountingConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public long Replies => Interlocked.Read(ref _replies);

    public static async Task<CountingConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var connector = new CountingConnector(app);
        app.MapMethods("/amer/v3/conversations/{**rest}", ["POST", "PUT"], connector.Reply);
        await app.StartAsync();
        connector.ServiceUrl = app.Urls.First().TrimEnd('/') + "/amer/";
        return connector;
    }

    private IResult Reply()
    {
        var id = Interlocked.Increment(ref _replies);
        return Results.Json(new { id = "reply-" + id });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

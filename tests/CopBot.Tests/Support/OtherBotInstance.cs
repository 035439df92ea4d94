using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CopBot.Tests.Support;

/// <summary>A second bot instance started by <see cref="BotHarness.StartOtherInstanceAsync"/>; disposing it stops only it.</summary>
public sealed class OtherBotInstance(WebApplicationFactory<Program> factory, HttpClient client, BotHarness first) : IAsyncDisposable
{
    public IServiceProvider Services => factory.Services;

    /// <summary>Posts to this instance, then waits for the shared outbox to drain (either instance's worker may send).</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        var response = await BotHarness.SendRawAsync(client, factory.Services, activity.ToJsonString(), "application/json", first.Issuer is null ? null : first.TokenFor(activity));
        await first.DrainOutboxAsync();
        return response;
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }
}

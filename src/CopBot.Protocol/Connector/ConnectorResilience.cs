using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CopBot.Protocol.Connector;

/// <summary>
/// Retries for the connector and token clients: jittered exponential backoff, bounded attempts, Retry-After
/// honoured (capped by <see cref="ConnectorOptions.MaxRetryDelay"/>).
/// Retried: 429 and 412 (Teams throttling), 502, 503 and 504 (the request did not get through), 408, and
/// connection failures. Not retried: 500 and timeouts on writes, which may already have posted the message, so a
/// retry could post it twice; a 500 on a read (GET) is retried, as it cannot duplicate anything.
/// </summary>
internal static class ConnectorResilience
{
    public const string ConnectorPipelineName = "CopBot.Connector";
    public const string TokenPipelineName = "CopBot.BotToken";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
        var clock = context.ServiceProvider.GetRequiredKeyedService<TimeProvider>(ConnectorServiceCollectionExtensions.PacingClockKey);
        builder.TimeProvider = clock;
        if (options.MaxRetryAttempts == 0)
        {
            return;
        }

        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.MaxRetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(IsWorthRetrying(args.Outcome)),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, clock, options.MaxRetryDelay)),
        });
    }

    public static bool IsWorthRetrying(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Result: { } response } => IsWorthRetrying(response),
        _ => false,
    };

    private static bool IsWorthRetrying(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.RequestTimeout
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => true,
        HttpStatusCode.InternalServerError => response.RequestMessage?.Method == HttpMethod.Get,
        _ => false,
    };

    /// <summary>The delay the server asked for, capped; null lets the backoff decide.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider clock, TimeSpan max)
    {
        var retryAfter = response?.Headers.RetryAfter;
        var asked = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - clock.GetUtcNow() : null);
        return asked switch
        {
            null => null,
            { } delay when delay <= TimeSpan.Zero => TimeSpan.Zero,
            { } delay => delay < max ? delay : max,
        };
    }
}

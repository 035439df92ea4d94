using CopBot.Community;
using CopBot.Protocol.Authentication;
using CopBot.Turns;
using Microsoft.Extensions.Options;

namespace CopBot.Hosting;

public static class BotEndpoints
{
    public const string MessagesPath = "/api/messages";
    public const string HealthPath = "/healthz";

    public static WebApplication MapBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(MessagesPath, HandleActivityAsync);
        app.MapGet(HealthPath, CheckHealthAsync);
        return app;
    }

    private static async Task<IResult> HandleActivityAsync(
        HttpContext http,
        IBotRequestAuthenticator authenticator,
        TenantAllowList tenants,
        TurnProcessor processor,
        TurnAdmission admission,
        IOptions<CopBotOptions> options,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggers)
    {
        var admitted = admission.TryEnter();
        if (admitted is null)
        {
            http.Response.Headers.RetryAfter = "1";
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The bot is busy; retry shortly.");
        }

        var handedOver = false;
        try
        {
            var logger = loggers.CreateLogger(typeof(BotEndpoints).FullName!);
            var read = await ActivityReader.ReadAsync(http.Request, options.Value.MaxRequestBodyBytes, http.RequestAborted);
            if (!read.Ok)
            {
                Log.ActivityRejected(logger, read.StatusCode, read.Problem);
                return Results.Problem(statusCode: read.StatusCode, title: read.Problem);
            }

            var activity = read.Activity!;
            var auth = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization, activity.ChannelId!, activity.ServiceUrl!, http.RequestAborted);
            if (!auth.Succeeded)
            {
                Log.Unauthenticated(logger, activity.ServiceUrl, auth.FailureReason);
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
            }

            if (!tenants.Allows(activity))
            {
                Log.TenantRefused(logger, TenantAllowList.TenantOf(activity) ?? "(none)", activity.Type);
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This bot is not enabled for your organisation.");
            }

            // Once authenticated, the turn runs to the end even if the channel hangs up: stopping half-way would lose
            // work. The processor owns the admission from here (an acknowledged turn holds it after this request).
            handedOver = true;
            var outcome = await processor.ProcessAsync(activity, read.Body, admitted, lifetime.ApplicationStopping);
            return outcome.InvokeResponse is { } invoke
                ? Results.Json(invoke.Body, statusCode: invoke.Status)
                : Results.Ok();
        }
        finally
        {
            if (!handedOver)
            {
                admitted.Dispose();
            }
        }
    }

    private static async Task<IResult> CheckHealthAsync(IStorageHealth storage, CancellationToken cancellationToken) =>
        await storage.CheckAsync(cancellationToken)
            ? Results.Ok(new { status = "healthy", storage = "ok" })
            : Results.Json(new { status = "unhealthy", storage = "unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
}

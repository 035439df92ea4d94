using Stopwatch = System.Diagnostics.Stopwatch;
using CopBot.Community;
using CopBot.Features.Contacts;
using CopBot.Hosting;
using CopBot.Protocol;
using CopBot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace CopBot.Turns;

/// <summary>
/// Runs one authenticated activity: once only (Teams redelivers when it thinks a delivery failed), recording
/// how to reach the sender, then the router. A failing turn is logged with its activity id and answered with a
/// short apology; only when even that fails is the delivery released for Teams to retry.
/// </summary>
public sealed class TurnProcessor(
    TurnRouter router,
    IConnectorClient connector,
    IProcessedActivityStore processedActivities,
    ContactRecorder contacts,
    IOptions<CopBotOptions> options,
    ILogger<TurnProcessor> logger)
{
    public const string Apology = "Sorry, something went wrong on my side and I could not finish that. Please try again in a moment.";

    public async Task<TurnOutcome> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var deliveryId = activity.Id;
        var started = Stopwatch.GetTimestamp();
        if (deliveryId is { Length: > 0 }
            && !await processedActivities.TryBeginAsync(activity.ChannelId!, activity.Conversation!.Id!, deliveryId, cancellationToken))
        {
            Log.DuplicateDelivery(logger, deliveryId, activity.Type);
            return TurnOutcome.Duplicate;
        }

        var claimed = Stopwatch.GetTimestamp();
        var timedConnector = new TimedConnectorClient(connector);
        var turn = new TurnContext(activity, timedConnector);
        try
        {
            await contacts.RecordAsync(activity, cancellationToken);
            var recorded = Stopwatch.GetTimestamp();
            var route = await router.DispatchAsync(turn, cancellationToken);
            Log.TurnHandled(logger, activity.Type, route, deliveryId);
            WarnIfSlow(activity, route, started, claimed, recorded, timedConnector.Elapsed);
            return new TurnOutcome(route, turn.InvokeResponse);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.TurnFailed(logger, ex, activity.Type, deliveryId);
            return await ApologiseAsync(turn, cancellationToken);
        }
    }

    // Where a slow turn's time went: the once-only claim and the contact record are storage writes, the handler
    // includes its storage reads and (counted apart) its calls to the connector.
    private void WarnIfSlow(Activity activity, string route, long started, long claimed, long recorded, TimeSpan connector)
    {
        var threshold = options.Value.SlowTurnWarning;
        var total = Stopwatch.GetElapsedTime(started);
        if (threshold > TimeSpan.Zero && total >= threshold)
        {
            Log.SlowTurn(
                logger, activity.Type, route, activity.Id, total.TotalMilliseconds, Stopwatch.GetElapsedTime(started, claimed).TotalMilliseconds,
                Stopwatch.GetElapsedTime(claimed, recorded).TotalMilliseconds, Stopwatch.GetElapsedTime(recorded).TotalMilliseconds, connector.TotalMilliseconds);
        }
    }

    private async Task<TurnOutcome> ApologiseAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            return new TurnOutcome("error", InvokeResponse.Error(StatusCodes.Status500InternalServerError, Apology));
        }

        try
        {
            await turn.ReplyAsync(Apology, cancellationToken);
            return new TurnOutcome("error", null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ApologyFailed(logger, ex, turn.Activity.Id);
            if (turn.Activity.Id is { Length: > 0 } id)
            {
                await processedActivities.ForgetAsync(turn.Activity.ChannelId!, turn.ConversationId, id, CancellationToken.None);
            }

            throw;
        }
    }
}

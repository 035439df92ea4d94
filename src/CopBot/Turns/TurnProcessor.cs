using System.Text;
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
/// short apology.
/// <para>
/// An activity Teams does not wait on (anything but an invoke) is kept in the inbox (one write) and acknowledged; its
/// turn runs on after the acknowledgement (<see cref="BackgroundTurns"/>), and when half the turn cap is taken the
/// acknowledgement waits for its work to be done (backpressure). The turn claims the activity first (a redelivery of one
/// handled before stops there) and completes it in the inbox when it ends. One that does not end (the instance died, or even the
/// apology failed) is taken over after its lease by <see cref="UnfinishedTurnRecovery"/>. An invoke, whose response
/// carries the refreshed card, runs within its request; when even its apology fails it is released for the channel's
/// retry.
/// </para>
/// </summary>
public sealed class TurnProcessor(
    TurnRouter router,
    IConnectorClient connector,
    IProcessedActivityStore processedActivities,
    IActivityInbox inbox,
    BackgroundTurns background,
    ContactRecorder contacts,
    IOptions<CopBotOptions> options,
    IOptions<InboxOptions> inboxOptions,
    ILogger<TurnProcessor> logger)
{
    public const string Apology = "Sorry, something went wrong on my side and I could not finish that. Please try again in a moment.";

    /// <summary>The longest an acknowledgement waits for its turn under backpressure: well inside Teams' 15 s.</summary>
    public static readonly TimeSpan BackpressureWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Processes <paramref name="activity"/> (<paramref name="body"/> is its JSON as received) and takes over
    /// <paramref name="admission"/>, the turn's place under the cap: released when the turn ends, which for an
    /// acknowledged activity is after this returns.
    /// </summary>
    public async Task<TurnOutcome> ProcessAsync(Activity activity, byte[]? body, IDisposable admission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(admission);
        var handedOver = false;
        try
        {
            if (Inbound(activity, body) is not { } inbound)
            {
                return await ProcessWithinRequestAsync(activity, cancellationToken);
            }

            var started = Stopwatch.GetTimestamp();
            if (await inbox.TryAcceptAsync(inbound, inboxOptions.Value.Lease, cancellationToken) is not { } accepted)
            {
                Log.DuplicateDelivery(logger, inbound.ActivityId, activity.Type);
                return TurnOutcome.Duplicate;
            }

            var turn = background.Start(KeyOf(inbound), (ticket, token) => RunAcceptedAsync(activity, accepted, started, ticket, token), admission);
            handedOver = true;
            await AcknowledgeAsync(turn);
            return TurnOutcome.Accepted;
        }
        finally
        {
            if (!handedOver)
            {
                admission.Dispose();
            }
        }
    }

    /// <summary>
    /// The turn of an accepted activity (just acknowledged, or taken over from the inbox): claimed for its delivery,
    /// handled, and completed in the inbox, unless storage failed before the end or even the apology failed, which leaves
    /// it for the next take-over. <paramref name="started"/> is when it was received (a <see cref="Stopwatch"/> timestamp).
    /// Its place under the turn cap (<paramref name="admission"/>) is given back before the completion, which is
    /// bookkeeping that may wait for company (see the inbox's completion linger).
    /// </summary>
    public async Task RunAcceptedAsync(Activity activity, UnfinishedActivity accepted, long started, IDisposable admission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admission);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(accepted);
        try
        {
            if (!await inbox.TryClaimAsync(accepted, cancellationToken))
            {
                Log.DuplicateDelivery(logger, accepted.Activity.ActivityId, activity.Type);
                return;
            }

            await HandleAsync(activity, started, Stopwatch.GetTimestamp(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LeftUnfinished(logger, ex, activity.Id);
            return;
        }

        admission.Dispose();
        await inbox.CompleteAsync(activity.ChannelId!, activity.Conversation!.Id!, activity.Id!, CancellationToken.None);
    }

    // Backpressure: while half the turn cap or more is taken by acknowledged turns still at work, the acknowledgement
    // waits until its own turn has done its work (at most BackpressureWait), so a sender that waits for each
    // acknowledgement is held to the bot's pace instead of running into the cap's 503s. Below that it is sent at once.
    // Turns only completing in the inbox count neither way, as under the cap: that write waits for company (the
    // completion linger), and it would otherwise set the sender's pace.
    private async Task AcknowledgeAsync(Task turnWorkDone)
    {
        if (background.Working < options.Value.MaxConcurrentTurns / 2)
        {
            return;
        }

        try
        {
            // Wall-clock time on purpose: this bounds Teams' wait, not a business deadline.
            await turnWorkDone.WaitAsync(BackpressureWait);
        }
        catch (TimeoutException)
        {
            // The turn goes on after the acknowledgement; the inbox holds it.
        }
    }

    /// <summary>The key <see cref="BackgroundTurns"/> knows an acknowledged activity's turn by.</summary>
    public static string KeyOf(InboundActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return string.Join('\n', activity.ChannelId, activity.ConversationId, activity.ActivityId);
    }

    // What the inbox keeps of an activity that may be acknowledged before its turn; null for one that runs within its request.
    private InboundActivity? Inbound(Activity activity, byte[]? body)
    {
        if (activity.Type == ActivityTypes.Invoke || activity.Id is not { Length: > 0 } id || body is null)
        {
            return null;
        }

        var json = Encoding.UTF8.GetString(body);
        return json.Length <= inbox.MaxActivityLength ? new InboundActivity(activity.ChannelId!, activity.Conversation!.Id!, id, json) : null;
    }

    private async Task<TurnOutcome> ProcessWithinRequestAsync(Activity activity, CancellationToken cancellationToken)
    {
        var deliveryId = activity.Id;
        var started = Stopwatch.GetTimestamp();
        if (deliveryId is { Length: > 0 }
            && !await processedActivities.TryBeginAsync(activity.ChannelId!, activity.Conversation!.Id!, deliveryId, cancellationToken))
        {
            Log.DuplicateDelivery(logger, deliveryId, activity.Type);
            return TurnOutcome.Duplicate;
        }

        try
        {
            return await HandleAsync(activity, started, Stopwatch.GetTimestamp(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Even the apology failed: release the activity so the channel's retry (after our 500) is processed.
            Log.ApologyFailed(logger, ex, deliveryId);
            if (deliveryId is { Length: > 0 })
            {
                await processedActivities.ForgetAsync(activity.ChannelId!, activity.Conversation!.Id!, deliveryId, CancellationToken.None);
            }

            throw;
        }
    }

    // The turn after its claim. A failing handler is answered with an apology; throws only when that fails too.
    private async Task<TurnOutcome> HandleAsync(Activity activity, long started, long claimed, CancellationToken cancellationToken)
    {
        var timedConnector = new TimedConnectorClient(connector);
        var turn = new TurnContext(activity, timedConnector);
        try
        {
            await contacts.RecordAsync(activity, cancellationToken);
            var recorded = Stopwatch.GetTimestamp();
            var route = await router.DispatchAsync(turn, cancellationToken);
            Log.TurnHandled(logger, activity.Type, route, activity.Id);
            WarnIfSlow(activity, route, started, claimed, recorded, timedConnector.Elapsed);
            return new TurnOutcome(route, turn.InvokeResponse);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.TurnFailed(logger, ex, activity.Type, activity.Id);
            if (turn.Activity.Type == ActivityTypes.Invoke)
            {
                return new TurnOutcome("error", InvokeResponse.Error(StatusCodes.Status500InternalServerError, Apology));
            }

            await turn.ReplyAsync(Apology, cancellationToken);
            return new TurnOutcome("error", null);
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
}

using CopBot.Community;
using CopBot.Features.Contacts;
using CopBot.Hosting;
using CopBot.Protocol;
using CopBot.Protocol.Connector;

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
    ILogger<TurnProcessor> logger)
{
    public const string Apology = "Sorry, something went wrong on my side and I could not finish that. Please try again in a moment.";

    public async Task<TurnOutcome> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var deliveryId = activity.Id;
        if (deliveryId is { Length: > 0 }
            && !await processedActivities.TryBeginAsync(activity.ChannelId!, activity.Conversation!.Id!, deliveryId, cancellationToken))
        {
            Log.DuplicateDelivery(logger, deliveryId, activity.Type);
            return TurnOutcome.Duplicate;
        }

        var turn = new TurnContext(activity, connector);
        try
        {
            await contacts.RecordAsync(activity, cancellationToken);
            var route = await router.DispatchAsync(turn, cancellationToken);
            Log.TurnHandled(logger, activity.Type, route, deliveryId);
            return new TurnOutcome(route, turn.InvokeResponse);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.TurnFailed(logger, ex, activity.Type, deliveryId);
            return await ApologiseAsync(turn, cancellationToken);
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

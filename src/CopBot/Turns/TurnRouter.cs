using CopBot.Protocol;

namespace CopBot.Turns;

/// <summary>
/// Sends each turn to exactly one handler: card actions by verb, everything else to the first matching route.
/// An invoke nobody handles gets 501 so Teams shows the user it failed rather than waiting.
/// </summary>
public sealed class TurnRouter
{
    private readonly IReadOnlyList<TurnRoute> _routes;
    private readonly IReadOnlyDictionary<string, CardActionRoute> _cardActions;

    public TurnRouter(IEnumerable<IBotFeature> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var all = features.ToList();
        _routes = [.. all.SelectMany(f => f.Routes).OrderBy(r => r.Order)];
        _cardActions = all.SelectMany(f => f.CardActions).ToDictionary(a => a.Verb, StringComparer.Ordinal);
    }

    public IEnumerable<string> Verbs => _cardActions.Keys;

    public const string MissingVerb = "This button carries no action I know. Type help to see what I can do.";

    /// <summary>Handles the turn and returns the route's name, for logs and tests.</summary>
    public async Task<string> DispatchAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.CardActionRequest is { } action)
        {
            await HandleCardActionAsync(turn, action, cancellationToken);
            return action.Verb;
        }

        var route = _routes.FirstOrDefault(r => r.Selector(turn));
        if (route is not null)
        {
            await route.Handler(turn, cancellationToken);
            return route.Name;
        }

        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            // A card action without a verb came from a card we did not build (or a tampered one): say so on the card.
            turn.InvokeResponse = turn.Activity.Name == AdaptiveCardInvokeValue.InvokeName
                ? InvokeResponse.Error(StatusCodes.Status400BadRequest, MissingVerb)
                : new InvokeResponse(StatusCodes.Status501NotImplemented, null);
        }

        return "unhandled";
    }

    private async Task HandleCardActionAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var result = _cardActions.TryGetValue(action.Verb, out var route)
            ? await route.Handler(turn, action, cancellationToken)
            : CardActionResult.Refuse(StatusCodes.Status400BadRequest, "This button is no longer supported. Type help to see what I can do.");

        if (action.IsInvoke)
        {
            turn.InvokeResponse = result switch
            {
                CardActionResult.ReplaceCard replace => InvokeResponse.Card(Cards.CardJson.ToJsonElement(replace.Card)),
                CardActionResult.Message message => InvokeResponse.Message(message.Text),
                CardActionResult.Refusal refusal => InvokeResponse.Error(refusal.StatusCode, refusal.Reason),
                _ => throw new InvalidOperationException($"Unknown card action result {result}"),
            };
            return;
        }

        // Action.Submit fallback: there is no invoke response, so the card is updated or answered through the connector.
        switch (result)
        {
            case CardActionResult.ReplaceCard replace when action.CardActivityId is { Length: > 0 } cardId:
                await turn.UpdateAsync(cardId, replace.Card, "Updated card", cancellationToken);
                break;
            case CardActionResult.ReplaceCard replace:
                await turn.ReplyAsync(replace.Card, "Card", cancellationToken);
                break;
            case CardActionResult.Message message:
                await turn.ReplyAsync(message.Text, cancellationToken);
                break;
            case CardActionResult.Refusal refusal:
                await turn.ReplyAsync(refusal.Reason, cancellationToken);
                break;
        }
    }
}

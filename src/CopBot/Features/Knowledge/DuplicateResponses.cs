using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Turns;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Knowledge;

/// <summary>
/// The asker's answer to a duplicate offer. Only the asker decides; the first answer wins and a repeated or late
/// click only redraws the settled card (a repeated "No" resumes routing, which never asks anyone twice).
/// </summary>
public sealed class DuplicateResponses(IDuplicateOfferStore offers, QueryFlow flow, IOptions<QueryOptions> options, TimeProvider clock) : IBotFeature
{
    public const string Unknown = "I cannot find this question any more.";
    public const string NotTheAsker = "Only the person who asked can say whether these answer the question.";

    public IEnumerable<TurnRoute> Routes => [];

    public IEnumerable<CardActionRoute> CardActions =>
    [
        new(KnowledgeCardKeys.DuplicateAccept, (t, a, ct) => SettleAsync(t, a, DuplicateOfferState.Accepted, ct)),
        new(KnowledgeCardKeys.DuplicateReject, (t, a, ct) => SettleAsync(t, a, DuplicateOfferState.Rejected, ct)),
    ];

    private async Task<CardActionResult> SettleAsync(TurnContext turn, CardActionRequest action, DuplicateOfferState choice, CancellationToken cancellationToken)
    {
        var offer = action.GetString(KnowledgeCardKeys.OfferId) is { Length: > 0 and <= 100 } id
            ? await offers.GetAsync(options.Value.Community, id, cancellationToken)
            : null;
        if (offer is null)
        {
            return CardActionResult.Refuse(StatusCodes.Status404NotFound, Unknown);
        }

        if (turn.Activity.From?.Id != offer.Ask.AskerId)
        {
            return CardActionResult.Refuse(StatusCodes.Status403Forbidden, NotTheAsker);
        }

        var now = clock.GetUtcNow();
        var settled = await offers.UpdateAsync(offer.Community, offer.Id, o =>
            o.State == DuplicateOfferState.Pending ? o with { State = choice, SettledAt = now } : null, cancellationToken) ?? offer;
        if (settled.State == DuplicateOfferState.Rejected)
        {
            await flow.RouteAsync(settled.Ask, cancellationToken);
        }

        return CardActionResult.Replace(DuplicateOfferCard.Settled(settled.Ask.Question, settled.State == DuplicateOfferState.Accepted));
    }
}

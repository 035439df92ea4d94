using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Query;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Knowledge;

/// <summary>
/// Before a question is routed: when the knowledge base holds likely answers, offer them first ("Does one of these
/// answer it?") and route nothing until the asker says no. The offer is stored before its card is posted, so a
/// redelivered question or a restart finds it instead of offering twice or routing behind the asker's back.
/// </summary>
public sealed class DuplicateCheck(
    IKnowledgeBase knowledge,
    IDuplicateOfferStore offers,
    IQueryStore queries,
    QueryThread thread,
    IOptions<KnowledgeOptions> options,
    IOptions<QueryOptions> queryOptions,
    TimeProvider clock)
{
    /// <summary>True when the question must not be routed now (an offer is pending, or the asker accepted one).</summary>
    public async Task<bool> OfferInsteadAsync(QueryAsk ask, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var community = queryOptions.Value.Community;
        var id = QueryIds.From(ask.Place.ChannelId, ask.Place.ConversationId, ask.Place.QuestionActivityId);
        if (!options.Value.DuplicateCheck || await queries.GetAsync(community, id, cancellationToken) is not null)
        {
            return false;
        }

        var offer = await offers.GetAsync(community, id, cancellationToken);
        if (offer is null)
        {
            var matches = (await knowledge.SearchAsync(community, ask.Question, KnowledgeCardKeys.MaxHits, cancellationToken))
                .Where(m => m.Similarity >= options.Value.DuplicateThreshold)
                .OrderByDescending(m => m.Similarity)
                .Take(options.Value.DuplicatesOffered)
                .ToList();
            if (matches.Count == 0)
            {
                return false;
            }

            (offer, _) = await offers.CreateAsync(new DuplicateOffer(community, id, ask, [.. matches.Select(m => m.Entry.Id)], clock.GetUtcNow()), cancellationToken);
        }

        if (offer is { State: DuplicateOfferState.Pending, CardActivityId: null })
        {
            var cardId = await thread.PostCardAsync(ask.Place, await CardAsync(offer, cancellationToken), "Does one of these answer it?", cancellationToken);
            await offers.UpdateAsync(community, id, o => o.CardActivityId is null ? o with { CardActivityId = cardId } : null, cancellationToken);
        }

        return offer.State != DuplicateOfferState.Rejected;
    }

    private async Task<AdaptiveCard> CardAsync(DuplicateOffer offer, CancellationToken cancellationToken)
    {
        var entries = new List<KnowledgeMatch>();
        foreach (var entryId in offer.EntryIds)
        {
            if (await knowledge.GetAsync(offer.Community, entryId, cancellationToken) is { } entry)
            {
                entries.Add(new KnowledgeMatch(entry, 0, 0));
            }
        }

        return DuplicateOfferCard.Build(new DuplicateOfferView(offer.Id, offer.Ask.Question, KnowledgeCards.Hits(entries, offer.Ask.Question)));
    }
}

using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Knowledge;
using CopBot.Features.Query;
using CopBot.Protocol;
using CopBot.Turns;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Search;

/// <summary><c>search &lt;text&gt;</c>: the best knowledge-base entries as a card, with links to their threads.</summary>
public sealed class SearchFeature(IKnowledgeBase knowledge, IOptions<QueryOptions> options) : IBotFeature
{
    public const int MaxSearchLength = 500;

    public IEnumerable<TurnRoute> Routes =>
        [new("search", t => t.Activity.Type == ActivityTypes.Message && t.CardActionRequest is null && t.Command.Is("search"), SearchAsync)];

    public IEnumerable<CardActionRoute> CardActions => [];

    private async Task SearchAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var searched = turn.Command.Argument;
        if (string.IsNullOrWhiteSpace(searched))
        {
            await turn.ReplyAsync("Write what you are looking for after search, e.g. search cash transfers for informal workers.", cancellationToken);
            return;
        }

        if (searched.Length > MaxSearchLength)
        {
            searched = searched[..MaxSearchLength];
        }

        var hits = await knowledge.SearchAsync(options.Value.Community, searched, KnowledgeCardKeys.MaxHits, cancellationToken);
        await turn.ReplyAsync(SearchResultsCard.Build(searched, KnowledgeCards.Hits(hits, searched)), "Knowledge base search", cancellationToken);
    }
}

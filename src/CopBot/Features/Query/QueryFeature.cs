using CopBot.Cards;
using CopBot.Protocol;
using CopBot.Turns;

namespace CopBot.Features.Query;

/// <summary>The query modality: <c>query &lt;question&gt;</c> and the answer / decline / close / rate buttons.</summary>
public sealed class QueryFeature(QueryFlow flow, QueryResponses responses) : IBotFeature
{
    public IEnumerable<TurnRoute> Routes =>
        [new("query", t => t.Activity.Type == ActivityTypes.Message && t.CardActionRequest is null && t.Command.Is("query"), flow.AskAsync)];

    public IEnumerable<CardActionRoute> CardActions =>
    [
        new(QueryVerbs.Answer, responses.AnswerAsync),
        new(QueryVerbs.Decline, responses.DeclineAsync),
        new(QueryVerbs.Close, responses.CloseAsync),
        new(QueryVerbs.Rate, responses.RateAsync),
        new(QueryVerbs.Refer, responses.ReferAsync),
        new(QueryVerbs.NotMyArea, responses.NotMyAreaAsync),
        new(QueryVerbs.Ask, flow.AskFromFormAsync),
        new(QueryVerbs.Cancel, QueryFlow.CancelFormAsync),
    ];
}

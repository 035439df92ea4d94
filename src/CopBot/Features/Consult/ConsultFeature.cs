using CopBot.Cards;
using CopBot.Protocol;
using CopBot.Turns;

namespace CopBot.Features.Consult;

/// <summary>The consultation modality: <c>consult</c>, its form, the review card and the status card buttons.</summary>
public sealed class ConsultFeature(ConsultFlow flow, ConsultResponses responses, ConsultThreadReviews threadReviews) : IBotFeature
{
    public IEnumerable<TurnRoute> Routes =>
    [
        new("consult", t => t.Activity.Type == ActivityTypes.Message && t.CardActionRequest is null && t.Command.Is("consult"), flow.StartAsync),
        new("consult-thread-review", Requests.ThreadReplies.MayBeReply, threadReviews.RecordAsync, Requests.ThreadReplies.RouteOrder)
        {
            Claims = threadReviews.IsReviewerReplyAsync,
        },
    ];

    public IEnumerable<CardActionRoute> CardActions =>
    [
        new(ConsultVerbs.Submit, flow.SubmitAsync),
        new(ConsultVerbs.CancelForm, ConsultFlow.CancelFormAsync),
        new(ConsultVerbs.Review, responses.ReviewAsync),
        new(ConsultVerbs.Decline, responses.DeclineAsync),
        new(ConsultVerbs.Close, responses.CloseAsync),
        new(ConsultVerbs.Extend, responses.ExtendAsync),
        new(ConsultVerbs.Cancel, responses.CancelAsync),
    ];
}

using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Requests;
using CopBot.Protocol;
using CopBot.Turns;

namespace CopBot.Features.Consult;

/// <summary>The consultation modality: <c>consult</c>, its form, the review card and the status card buttons.</summary>
public sealed class ConsultFeature(ConsultFlow flow, ConsultResponses responses, ConsultThreadReviews threadReviews, RequestSteering<Consultation> steering) : IBotFeature
{
    public IEnumerable<TurnRoute> Routes =>
    [
        new("consult", t => t.Activity.Type == ActivityTypes.Message && t.CardActionRequest is null && t.Command.Is("consult"), flow.StartAsync),
        new("consult-thread-review", ThreadReplies.MayBeReply, threadReviews.RecordAsync, ThreadReplies.RouteOrder)
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
        new(ConsultVerbs.Close, steering.CloseAsync),
        new(ConsultVerbs.Extend, steering.ExtendAsync),
        new(ConsultVerbs.Cancel, steering.CancelAsync),
    ];
}

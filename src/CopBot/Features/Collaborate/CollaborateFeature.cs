using CopBot.Cards;
using CopBot.Protocol;
using CopBot.Turns;

namespace CopBot.Features.Collaborate;

/// <summary>The working-group modality: <c>collaborate</c>, its form, the role invitation and the working-group card.</summary>
public sealed class CollaborateFeature(CollaborateFlow flow, CollaborateResponses responses, CollaborateThreadJoins threadJoins) : IBotFeature
{
    public IEnumerable<TurnRoute> Routes =>
    [
        new("collaborate", t => t.Activity.Type == ActivityTypes.Message && t.CardActionRequest is null && t.Command.Is("collaborate"), flow.StartAsync),
        new("collaborate-thread-join", Requests.ThreadReplies.MayBeReply, threadJoins.JoinAsync, Requests.ThreadReplies.RouteOrder)
        {
            Claims = threadJoins.IsInviteeReplyAsync,
        },
    ];

    public IEnumerable<CardActionRoute> CardActions =>
    [
        new(CollaborateVerbs.Submit, flow.SubmitAsync),
        new(CollaborateVerbs.CancelForm, CollaborateFlow.CancelFormAsync),
        new(CollaborateVerbs.Join, responses.JoinAsync),
        new(CollaborateVerbs.NotNow, responses.NotNowAsync),
        new(CollaborateVerbs.AddTask, responses.AddTaskAsync),
        new(CollaborateVerbs.TakeTask, responses.TakeTaskAsync),
        new(CollaborateVerbs.TaskDone, responses.TaskDoneAsync),
        new(CollaborateVerbs.Complete, responses.CompleteAsync),
        new(CollaborateVerbs.Cancel, responses.CancelAsync),
        new(CollaborateVerbs.Refresh, responses.RefreshAsync),
    ];
}

using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Requests;
using CopBot.Protocol;
using CopBot.Turns;

namespace CopBot.Features.Discuss;

/// <summary>The discussion modality: <c>discuss</c>, replies in its thread, and the topic and invitation buttons.</summary>
public sealed class DiscussFeature(DiscussFlow flow, DiscussContributions contributions, DiscussResponses responses, RequestSteering<Discussion> steering) : IBotFeature
{
    public IEnumerable<TurnRoute> Routes =>
    [
        new("discuss", t => t.Activity.Type == ActivityTypes.Message && t.CardActionRequest is null && t.Command.Is("discuss"), flow.StartAsync),
        new("discuss-contribution", DiscussContributions.MayContribute, contributions.RecordAsync, ThreadReplies.RouteOrder)
        {
            Claims = contributions.IsOpenDiscussionThreadAsync,
        },
    ];

    public IEnumerable<CardActionRoute> CardActions =>
    [
        new(DiscussVerbs.Open, flow.OpenFromFormAsync),
        new(DiscussVerbs.CancelForm, DiscussFlow.CancelFormAsync),
        new(DiscussVerbs.NotNow, responses.NotNowAsync),
        new(DiscussVerbs.Close, steering.CloseAsync),
        new(DiscussVerbs.Extend, steering.ExtendAsync),
        new(DiscussVerbs.Cancel, steering.CancelAsync),
    ];
}

using System.Globalization;
using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using CopBot.Protocol;
using CopBot.Turns;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Gaps;

/// <summary><c>gaps</c>: the community's knowledge gaps and its who-knows-what map, for facilitators only.</summary>
public sealed class GapsFeature(
    IKnowledgeGapStore gaps,
    ExpertIndexHolder index,
    RoutingContextBuilder contexts,
    ExpertRanker ranker,
    RequestAuthorization authorization,
    IOptions<QueryOptions> options) : IBotFeature
{
    public const string NotAllowed = "The knowledge gaps are for the community's facilitators.";
    private const int ExpertsPerTopic = 3;

    public IEnumerable<TurnRoute> Routes =>
        [new("gaps", t => t.Activity.Type == ActivityTypes.Message && t.CardActionRequest is null && t.Command.Is("gaps"), ShowAsync)];

    public IEnumerable<CardActionRoute> CardActions => [];

    private async Task ShowAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var community = options.Value.Community;
        if (!await authorization.IsFacilitatorAsync(community, turn.Activity.From!, cancellationToken))
        {
            await turn.ReplyAsync(NotAllowed, cancellationToken);
            return;
        }

        var summary = GapSummary.Summarize(await gaps.ListAsync(community, cancellationToken), GapsCard.MaxLines);
        var map = WhoKnowsWhat.Build(index.Current, ranker, await contexts.BuildAsync(community, cancellationToken), GapsCard.MaxLines, ExpertsPerTopic);
        var view = new GapsView(
            community,
            [.. summary.Select(g => new GapLine(g.Topic, g.Requests, g.LatestQuestion, g.LatestAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))],
            [.. map.Select(t => new KnowsLine(t.Topic, t.ExpertCount, t.Experts))]);
        await turn.ReplyAsync(GapsCard.Build(view), "Knowledge gaps", cancellationToken);
    }
}

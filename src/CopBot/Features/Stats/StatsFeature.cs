using CopBot.Community;
using CopBot.Features.Profile;
using CopBot.Features.Query;
using CopBot.Protocol;
using CopBot.Turns;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Stats;

/// <summary><c>stats [days | from to]</c>: the community's indicators as a card, for facilitators and coordinators only.</summary>
public sealed class StatsFeature(IndicatorReader indicators, MemberProfiles members, IOptions<QueryOptions> options, TimeProvider clock) : IBotFeature
{
    public const string NotAllowed = "The community's indicators are for facilitators and coordinators.";

    public IEnumerable<TurnRoute> Routes =>
        [new("stats", t => t.Activity.Type == ActivityTypes.Message && t.CardActionRequest is null && t.Command.Is("stats"), ShowAsync)];

    public IEnumerable<CardActionRoute> CardActions => [];

    private async Task ShowAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var community = options.Value.Community;
        var from = turn.Activity.From!;
        var profile = await members.FindAsync(community, from, cancellationToken);
        if (profile is null || !profile.Roles.Any(r => r is CommunityRole.Facilitator or CommunityRole.Coordinator))
        {
            await turn.ReplyAsync(NotAllowed, cancellationToken);
            return;
        }

        if (!StatsPeriod.TryParse(turn.Command.Argument, clock.GetUtcNow(), out var start, out var end, out var error))
        {
            await turn.ReplyAsync(error, cancellationToken);
            return;
        }

        var computed = await indicators.ReadAsync(community, start, end, cancellationToken);
        await turn.ReplyAsync(StatsCards.Build(computed), "Community indicators", cancellationToken);
    }
}

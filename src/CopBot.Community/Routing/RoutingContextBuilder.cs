namespace CopBot.Community;

/// <summary>
/// The one place that assembles a <see cref="RoutingContext"/> from live state: the clock, each expert's open
/// requests and the learned feedback. The bot's routing, the <c>gaps</c> map and the <c>route</c> CLI dry run all
/// use it, so they rank with the same constraints. (Busy-until dates live in the profiles, which the index holds.)
/// </summary>
public sealed class RoutingContextBuilder(OpenRequestLoad load, RoutingFeedbackHolder feedback, TimeProvider clock)
{
    public async Task<RoutingContext> BuildAsync(string community, CancellationToken cancellationToken) =>
        new(clock.GetUtcNow())
        {
            OpenRequests = await load.CountsAsync(community, cancellationToken),
            Feedback = feedback.Current,
        };
}

using CopBot.Community;

namespace CopBot.Community.Tests.TestDoubles;

/// <summary>Feedback summed per (expert, topic) in a dictionary, as the table stores it; the real one is tested against Azurite.</summary>
internal sealed class InMemoryFeedbackStore : IRoutingFeedbackStore
{
    private readonly Dictionary<(string ExpertId, string Tag), double> _sums = [];

    /// <summary>A listing is taken at once and returned when this completes: a slow read whose result may be stale by then.</summary>
    public Task ListReturnsAfter { get; set; } = Task.CompletedTask;

    public Task AddAsync(string community, IReadOnlyList<RoutingFeedback> feedback, CancellationToken cancellationToken)
    {
        foreach (var item in feedback)
        {
            _sums[(item.ExpertId, item.Tag)] = _sums.GetValueOrDefault((item.ExpertId, item.Tag)) + item.Delta;
        }

        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<RoutingFeedback>> ListAsync(string community, CancellationToken cancellationToken)
    {
        IReadOnlyList<RoutingFeedback> listed = [.. _sums.Select(pair => new RoutingFeedback(pair.Key.ExpertId, pair.Key.Tag, pair.Value))];
        await ListReturnsAfter.WaitAsync(cancellationToken);
        return listed;
    }
}

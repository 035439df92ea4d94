namespace CopBot.Community;

/// <summary>Learned routing feedback per expert and topic ("not my area" lowers, good answers raise), summed per pair.</summary>
public interface IRoutingFeedbackStore
{
    Task AddAsync(string community, IReadOnlyList<RoutingFeedback> feedback, CancellationToken cancellationToken);

    Task<IReadOnlyList<RoutingFeedback>> ListAsync(string community, CancellationToken cancellationToken);
}

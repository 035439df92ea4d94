namespace CopBot.Community;

/// <summary>
/// The community's feedback in memory for the ranker, like the expert index: reloaded with it, and amended at once
/// when this instance records feedback so the very next question already reflects it.
/// </summary>
public sealed class RoutingFeedbackHolder
{
    private IReadOnlyList<RoutingFeedback> _current = [];

    public IReadOnlyList<RoutingFeedback> Current => Volatile.Read(ref _current);

    public void Replace(IReadOnlyList<RoutingFeedback> all) => Volatile.Write(ref _current, all);

    public void Add(IReadOnlyList<RoutingFeedback> added)
    {
        IReadOnlyList<RoutingFeedback> current, next;
        do
        {
            current = Current;
            next = [.. current, .. added];
        }
        while (Interlocked.CompareExchange(ref _current, next, current) != current);
    }
}

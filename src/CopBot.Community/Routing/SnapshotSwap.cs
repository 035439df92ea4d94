namespace CopBot.Community;

/// <summary>
/// The one lock-free update the in-memory holders share: the next snapshot is computed from the current one and swapped
/// in only if nobody swapped meanwhile, else computed again from theirs, so no concurrent change is undone.
/// </summary>
internal static class SnapshotSwap
{
    public static T Update<T>(ref T location, Func<T, T> change)
        where T : class
    {
        while (true)
        {
            var current = Volatile.Read(ref location);
            var next = change(current);
            if (Interlocked.CompareExchange(ref location, next, current) == current)
            {
                return next;
            }
        }
    }
}

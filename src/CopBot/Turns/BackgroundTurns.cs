using System.Collections.Concurrent;

namespace CopBot.Turns;

/// <summary>
/// Turns that go on after their activity was acknowledged. Each keeps its admission ticket until its work is done (at the
/// latest until it ends), so the cap on turns in progress still bounds the work held in memory. When the host stops, it
/// waits for them (up to its shutdown timeout, then cancels them): a turn cut short stays unfinished in the inbox and
/// another instance takes it over.
/// </summary>
public sealed partial class BackgroundTurns(ILogger<BackgroundTurns> logger) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<long, (string Key, Task Task)> _running = new();
    private readonly CancellationTokenSource _stopped = new();
    private long _next;
    private int _working;

    /// <summary>Turns running now, those only completing their bookkeeping included.</summary>
    public int Count => _running.Count;

    /// <summary>Turns still doing their work: holding their place under the turn cap (see <see cref="Start"/>).</summary>
    public int Working => Volatile.Read(ref _working);

    /// <summary>
    /// Runs <paramref name="turn"/> on the thread pool and disposes <paramref name="ticket"/> when it ends (the turn gets
    /// the ticket too, to give its place back once its work is done and only bookkeeping is left). <paramref name="key"/>
    /// names the activity, for <see cref="WhenFinishedAsync"/>. The turn gets a token cancelled only when the host's
    /// shutdown timeout runs out. The returned task completes when the place is given back (at the latest when the turn
    /// ends), and never faults.
    /// </summary>
    public Task Start(string key, Func<IDisposable, CancellationToken, Task> turn, IDisposable ticket)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(ticket);
        var id = Interlocked.Increment(ref _next);
        var place = new Place(this, ticket);
        // Registered before it may run, so a turn that ends at once never outlives its entry.
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = RunAsync(id, registered.Task, turn, place);
        _running[id] = (key, running);
        registered.SetResult();
        return place.GivenBack;
    }

    /// <summary>Completes when every turn started for <paramref name="key"/> so far has ended.</summary>
    public Task WhenFinishedAsync(string key) =>
        Task.WhenAll(_running.Values.Where(r => r.Key == key).Select(r => r.Task));

    /// <summary>Completes when no turn is running (turns started meanwhile included).</summary>
    public async Task WhenIdleAsync()
    {
        while (!_running.IsEmpty)
        {
            await Task.WhenAll(_running.Values.Select(r => r.Task));
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WhenIdleAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogCutShort(logger, Count);
            await _stopped.CancelAsync();
        }
    }

    public void Dispose() => _stopped.Dispose();

    private async Task RunAsync(long id, Task registered, Func<IDisposable, CancellationToken, Task> turn, IDisposable ticket)
    {
        await registered;
        try
        {
            await turn(ticket, _stopped.Token);
        }
        catch (OperationCanceledException)
        {
            // Cut short by the shutdown timeout (logged once in StopAsync).
        }
        catch (Exception ex)
        {
            // The turn logs and apologises for its own failures; this only keeps an escaped one from going unseen.
            LogEscaped(logger, ex);
        }
        finally
        {
            ticket.Dispose();
            _running.TryRemove(id, out _);
        }
    }

    /// <summary>A turn's place under the cap, given back once: by the turn when its work is done, or when it ends.</summary>
    private sealed class Place : IDisposable
    {
        private readonly BackgroundTurns _owner;
        private readonly IDisposable _ticket;
        private readonly TaskCompletionSource _givenBack = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _disposed;

        public Place(BackgroundTurns owner, IDisposable ticket)
        {
            _owner = owner;
            _ticket = ticket;
            Interlocked.Increment(ref owner._working);
        }

        public Task GivenBack => _givenBack.Task;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref _owner._working);
                _ticket.Dispose();
                _givenBack.SetResult();
            }
        }
    }

    [LoggerMessage(21, LogLevel.Warning, "Stopping with {Count} acknowledged turns still running; they stay unfinished and are taken over after their lease.")]
    private static partial void LogCutShort(ILogger logger, int count);

    [LoggerMessage(22, LogLevel.Warning, "An acknowledged turn ended with an error; its activity stays unfinished and is taken over after its lease.")]
    private static partial void LogEscaped(ILogger logger, Exception exception);
}

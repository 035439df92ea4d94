namespace CopBot.Outbox;

/// <summary>Wakes this instance's idle worker when this instance enqueued work, so it need not wait for the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up is enough for any number of messages.
        }
    }

    /// <summary>Returns on a wake-up or after <paramref name="timeout"/> on <paramref name="clock"/>, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = _signal.WaitAsync(either.Token);
        var elapsed = Task.Delay(timeout, clock, either.Token);
        await Task.WhenAny(woken, elapsed);
        await either.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose() => _signal.Dispose();
}

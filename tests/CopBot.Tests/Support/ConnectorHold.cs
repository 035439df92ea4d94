using CopBot.Testing;
using Microsoft.AspNetCore.Http;

namespace CopBot.Tests.Support;

/// <summary>
/// Holds the fake connector's answers (all of them, or those <c>which</c> selects) until <see cref="Release"/>: a turn
/// whose reply is in flight stays in progress for as long as a test needs.
/// </summary>
public sealed class ConnectorHold
{
    private readonly TaskCompletionSource _firstHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<HttpRequest, bool> _which;
    private int _inFlight;

    private ConnectorHold(Func<HttpRequest, bool> which) => _which = which;

    /// <summary>Completes when the first answer is being held.</summary>
    public Task FirstHeld => _firstHeld.Task;

    /// <summary>
    /// Answers held right now. A held call whose client goes away (the bot was killed) stops counting: the connector
    /// drops it unanswered, like a request that never reached the service.
    /// </summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>
    /// Holds <paramref name="connector"/>'s answers from now on: those <paramref name="which"/> selects (asked once per
    /// call, so it may count), or all.
    /// </summary>
    public static ConnectorHold On(FakeConnectorServer connector, Func<HttpRequest, bool>? which = null)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var hold = new ConnectorHold(which ?? (_ => true));
        connector.BeforeAnswer = hold.WaitAsync;
        return hold;
    }

    /// <summary>Lets every held answer, and every later one, through.</summary>
    public void Release() => _released.TrySetResult();

    private async Task<int?> WaitAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!_which(request))
        {
            return null;
        }

        Interlocked.Increment(ref _inFlight);
        _firstHeld.TrySetResult();
        try
        {
            await _released.Task.WaitAsync(cancellationToken);
            return null;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

using Microsoft.Extensions.Options;

namespace CopBot.Hosting;

/// <summary>
/// Caps the turns in progress at <see cref="CopBotOptions.MaxConcurrentTurns"/>. When storage or the connector falls
/// behind the arrival rate, turns would otherwise pile up in memory until the channel's calls time out; past the cap
/// a request gets 503 with Retry-After at once, before anything is read or stored, so the turns already admitted keep
/// their pace, memory stays bounded, and the redelivery is processed normally.
/// </summary>
public sealed class TurnAdmission(IOptions<CopBotOptions> options, ILogger<TurnAdmission> logger)
{
    private int _inProgress;
    private long _refused;

    /// <summary>Admits a turn, or returns null when the cap is reached; dispose the ticket when the turn is done.</summary>
    public IDisposable? TryEnter()
    {
        if (Interlocked.Increment(ref _inProgress) <= options.Value.MaxConcurrentTurns)
        {
            return new Ticket(this);
        }

        Interlocked.Decrement(ref _inProgress);
        // One line per 1,000 refusals: an overload must not also flood the logs.
        if (Interlocked.Increment(ref _refused) % 1000 == 1)
        {
            Log.TurnsRefused(logger, options.Value.MaxConcurrentTurns, Interlocked.Read(ref _refused));
        }

        return null;
    }

    private sealed class Ticket(TurnAdmission admission) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref admission._inProgress);
            }
        }
    }
}

namespace CopBot.Protocol.Connector;

/// <summary>
/// Keeps the bot's writes to each Teams conversation under Teams' per-bot, per-thread limits by making callers wait
/// (never fail). A channel's threads share one budget, keyed by the conversation id without its
/// <c>;messageid=</c> suffix. It keeps its own log of recent operations per conversation (<see cref="ConversationLog"/>:
/// exact for the short limits, per-minute counts for the hour, bounded whatever the traffic) rather than using
/// System.Threading.RateLimiting: its sliding windows count per segment, so two bursts at segment edges can exceed
/// a limit within one real second, chained limiters count a permit when granted rather than when the call goes
/// out, and none of them runs on an injectable <see cref="TimeProvider"/>.
/// </summary>
public sealed class ConversationThrottle
{
    /// <summary>Teams' published per-thread limits for a bot: 7 per second, 8 per 2 s, 60 per 30 s, 1800 per hour.</summary>
    public static IReadOnlyList<ThrottleRule> TeamsPerThreadRules { get; } =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(8, TimeSpan.FromSeconds(2)),
        new(60, TimeSpan.FromSeconds(30)),
        new(1800, TimeSpan.FromHours(1)),
    ];

    private readonly TimeProvider _clock;
    private readonly ThrottlePlan _plan;
    private readonly Dictionary<string, ConversationLog> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _conversationsLock = new();
    private DateTimeOffset _lastSweep;

    public ConversationThrottle(TimeProvider clock)
        : this(clock, TeamsPerThreadRules)
    {
    }

    public ConversationThrottle(TimeProvider clock, IReadOnlyList<ThrottleRule> rules)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Count == 0 || rules.Any(r => r.MaxOperations < 1 || r.Window <= TimeSpan.Zero))
        {
            throw new ArgumentException("Every throttle rule needs at least one operation and a positive window.", nameof(rules));
        }

        _clock = clock;
        _plan = new ThrottlePlan(rules);
        _lastSweep = clock.GetUtcNow();
    }

    /// <summary>
    /// Waits until one more operation in the conversation keeps within every rule, then counts it.
    /// Callers of one conversation are admitted in arrival order; other conversations are never held up.
    /// </summary>
    /// <returns>When the operation was admitted (and counted), and how long it waited.</returns>
    public async Task<ThrottleAdmission> WaitAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        var arrived = _clock.GetUtcNow();
        var key = TeamsThread.RootConversationId(conversationId);
        var log = Enter(key);
        try
        {
            await log.Turn.WaitAsync(cancellationToken);
            try
            {
                while (true)
                {
                    var now = _clock.GetUtcNow();
                    var wait = log.TimeUntilAllowed(now);
                    if (wait <= TimeSpan.Zero)
                    {
                        log.Record(now);
                        return new ThrottleAdmission(now, now - arrived);
                    }

                    await Task.Delay(wait, _clock, cancellationToken);
                }
            }
            finally
            {
                log.Turn.Release();
            }
        }
        finally
        {
            Leave(log);
        }
    }

    /// <summary>Admission times and slot counts held for a conversation (0 when it has none): for tests of the memory bound.</summary>
    internal int RetainedFor(string conversationId)
    {
        lock (_conversationsLock)
        {
            return _conversations.TryGetValue(TeamsThread.RootConversationId(conversationId), out var log) ? log.Retained : 0;
        }
    }

    private ConversationLog Enter(string key)
    {
        lock (_conversationsLock)
        {
            SweepIdle();
            if (!_conversations.TryGetValue(key, out var log))
            {
                log = new ConversationLog(_plan);
                _conversations.Add(key, log);
            }

            log.Users++;
            return log;
        }
    }

    private void Leave(ConversationLog log)
    {
        lock (_conversationsLock)
        {
            log.Users--;
        }
    }

    /// <summary>Forgets conversations nobody is using whose operations have all aged out, at most once per longest window.</summary>
    private void SweepIdle()
    {
        var now = _clock.GetUtcNow();
        if (now - _lastSweep < _plan.LongestWindow)
        {
            return;
        }

        _lastSweep = now;
        foreach (var (key, log) in _conversations.ToList())
        {
            if (log.Users == 0 && log.IsIdle(now))
            {
                _conversations.Remove(key);
                log.Dispose();
            }
        }
    }
}

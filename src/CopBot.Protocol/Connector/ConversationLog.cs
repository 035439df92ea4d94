namespace CopBot.Protocol.Connector;

/// <summary>
/// One conversation's recent admissions for <see cref="ConversationThrottle"/>, in memory that does not grow with the
/// conversation's traffic. Rules with a small maximum (Teams' 7 per second, 8 per 2 s, 60 per 30 s) are checked
/// exactly against the latest admission times, of which it keeps only as many as the largest such maximum. Rules with a
/// large maximum (Teams' 1,800 per hour) are checked against counts per slot of 1/60 of their window, each slot counted
/// as if all its admissions came at its end: never more than the rule allows, at the cost of waiting up to one slot
/// (a minute for the hour) longer than an exact log would, and only at that limit. An exact log of the hour kept up to
/// 1,800 times per conversation, which a bot in many busy threads holds for an hour.
/// <see cref="Turn"/> lets one caller at a time decide.
/// </summary>
internal sealed class ConversationLog : IDisposable
{
    /// <summary>Rules up to this maximum are checked exactly.</summary>
    public const int ExactUpTo = 64;

    /// <summary>Slots per window of a rule checked by counts.</summary>
    public const int SlotsPerWindow = 60;

    private readonly ThrottlePlan _plan;
    private readonly List<long> _latest = []; // UTC ticks, oldest first; at most _plan.ExactKept
    private readonly List<SlotCount>[] _slots; // per counted rule, oldest first
    private long _last = long.MinValue;

    public ConversationLog(ThrottlePlan plan)
    {
        _plan = plan;
        _slots = [.. plan.Counted.Select(_ => new List<SlotCount>())];
    }

    public SemaphoreSlim Turn { get; } = new(1, 1);

    /// <summary>Callers inside <see cref="ConversationThrottle.WaitAsync"/>; guarded by the throttle's lock.</summary>
    public int Users { get; set; }

    /// <summary>Admission times and slot counts held: bounded by the rules, whatever the traffic.</summary>
    public int Retained => _latest.Count + _slots.Sum(s => s.Count);

    public TimeSpan TimeUntilAllowed(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        var wait = 0L;
        foreach (var rule in _plan.Exact)
        {
            // The next operation may go once the rule's Nth most recent one has left its window.
            if (_latest.Count >= rule.MaxOperations)
            {
                wait = Math.Max(wait, _latest[^rule.MaxOperations] + rule.Window.Ticks - ticks);
            }
        }

        for (var i = 0; i < _plan.Counted.Count; i++)
        {
            var (rule, slot) = (_plan.Counted[i], _plan.SlotTicks[i]);
            var slots = _slots[i];
            // A slot counts until its end has left the window.
            var expired = slots.FindIndex(s => s.Start + slot + rule.Window.Ticks > ticks);
            slots.RemoveRange(0, expired < 0 ? slots.Count : expired);
            if (slots.Sum(s => s.Count) >= rule.MaxOperations)
            {
                wait = Math.Max(wait, slots[0].Start + slot + rule.Window.Ticks - ticks);
            }
        }

        return TimeSpan.FromTicks(Math.Max(wait, 0));
    }

    public void Record(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        _last = ticks;
        if (_plan.ExactKept > 0)
        {
            _latest.Add(ticks);
            if (_latest.Count > _plan.ExactKept)
            {
                _latest.RemoveAt(0);
            }
        }

        for (var i = 0; i < _slots.Length; i++)
        {
            var start = ticks - ticks % _plan.SlotTicks[i];
            var slots = _slots[i];
            if (slots.Count > 0 && slots[^1].Start == start)
            {
                slots[^1] = slots[^1] with { Count = slots[^1].Count + 1 };
            }
            else
            {
                slots.Add(new SlotCount(start, 1));
            }
        }
    }

    /// <summary>True when nothing admitted in the conversation still counts for any rule.</summary>
    public bool IsIdle(DateTimeOffset now) =>
        _last == long.MinValue || _last + _plan.LongestWindow.Ticks + _plan.LongestSlotTicks <= now.UtcTicks;

    public void Dispose() => Turn.Dispose();

    private readonly record struct SlotCount(long Start, int Count);
}

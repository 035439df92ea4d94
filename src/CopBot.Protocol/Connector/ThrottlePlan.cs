namespace CopBot.Protocol.Connector;

/// <summary>How <see cref="ConversationLog"/> checks a set of rules: which exactly, which by slot counts.</summary>
internal sealed class ThrottlePlan
{
    public ThrottlePlan(IReadOnlyList<ThrottleRule> rules)
    {
        Exact = [.. rules.Where(r => r.MaxOperations <= ConversationLog.ExactUpTo)];
        Counted = [.. rules.Where(r => r.MaxOperations > ConversationLog.ExactUpTo)];
        SlotTicks = [.. Counted.Select(r => Math.Max(1, r.Window.Ticks / ConversationLog.SlotsPerWindow))];
        ExactKept = Exact.Count == 0 ? 0 : Exact.Max(r => r.MaxOperations);
        LongestWindow = rules.Max(r => r.Window);
        LongestSlotTicks = SlotTicks.Count == 0 ? 0 : SlotTicks.Max();
    }

    public IReadOnlyList<ThrottleRule> Exact { get; }

    public IReadOnlyList<ThrottleRule> Counted { get; }

    public IReadOnlyList<long> SlotTicks { get; }

    public int ExactKept { get; }

    public TimeSpan LongestWindow { get; }

    public long LongestSlotTicks { get; }
}

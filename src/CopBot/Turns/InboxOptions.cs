using System.ComponentModel.DataAnnotations;

namespace CopBot.Turns;

/// <summary>
/// Activities acknowledged once stored and handled after the acknowledgement, under <c>CopBot:Inbox</c> (see
/// docs/reliability.md, "Inbound activities").
/// </summary>
public sealed class InboxOptions
{
    public const string Section = "CopBot:Inbox";

    /// <summary>
    /// How long a turn owns its activity. An activity still unfinished after its lease (the instance died, or the turn
    /// failed without being able to apologise) is taken over by the next sweep of any instance and run again. Longer
    /// than any healthy turn: a connector call with its retries stops at 100 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How often each instance looks for unfinished activities whose lease ran out (first pass at start).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Turns started on one activity before it is given up (kept aside for an operator and logged as an error).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Unfinished activities taken over per sweep and instance; the rest wait for the next sweep.</summary>
    [Range(1, 1000)]
    public int SweepBatch { get; set; } = 50;
}

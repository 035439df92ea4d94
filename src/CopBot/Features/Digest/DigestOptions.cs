using System.ComponentModel.DataAnnotations;
using CopBot.Community;

namespace CopBot.Features.Digest;

/// <summary>Digest settings under <c>CopBot:Digest</c> (the community is the deployment's, <c>CopBot:Query:Community</c>).</summary>
public sealed class DigestOptions
{
    public const string Section = "CopBot:Digest";

    /// <summary>False stops the periodic digest; the facilitators' <c>digest</c> preview still works.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long one digest covers (and how often one is posted).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "366.00:00:00")]
    public TimeSpan Period { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The day of the week a digest is posted (UTC); with a period that is not a whole week, the first such day.</summary>
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;

    /// <summary>The hour (UTC, 0–23) a digest is posted.</summary>
    [Range(0, 23)]
    public int Hour { get; set; } = 9;

    /// <summary>How often the bot checks whether a digest is due.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a digest handed to the outbox has to be posted (or found quiet) before a check enqueues it again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    public DigestSchedule Schedule => new(Period, Day, Hour);
}

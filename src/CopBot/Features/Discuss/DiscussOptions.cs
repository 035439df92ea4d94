using System.ComponentModel.DataAnnotations;

namespace CopBot.Features.Discuss;

/// <summary>Discussion settings under <c>CopBot:Discuss</c> (the community is the deployment's, <c>CopBot:Query:Community</c>).</summary>
public sealed class DiscussOptions
{
    public const string Section = "CopBot:Discuss";

    /// <summary>How many top-ranked members are invited.</summary>
    [Range(1, 20)]
    public int InviteCount { get; set; } = 5;

    /// <summary>How long a discussion stays open when no closing date is given.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan DefaultDuration { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The latest closing date accepted, from today.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromDays(90);

    /// <summary>A thread without a new contribution for this long is quiet: invitees who have not replied are nudged once.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan QuietAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How often open discussions are checked for nudges and closing dates.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

using System.ComponentModel.DataAnnotations;

namespace CopBot.Features.Collaborate;

/// <summary>Working-group settings under <c>CopBot:Collaborate</c> (the community is the deployment's, <c>CopBot:Query:Community</c>).</summary>
public sealed class CollaborateOptions
{
    public const string Section = "CopBot:Collaborate";

    /// <summary>The latest deadline accepted, from today.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromDays(180);

    /// <summary>How often a progress card is posted in the thread.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ProgressEvery { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often open working groups are checked.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

using System.ComponentModel.DataAnnotations;

namespace CopBot.Features.Consult;

/// <summary>Consultation settings under <c>CopBot:Consult</c> (the community is the deployment's, <c>CopBot:Query:Community</c>).</summary>
public sealed class ConsultOptions
{
    public const string Section = "CopBot:Consult";

    /// <summary>How many reviewers are invited in all (named reviewers first, then the best-ranked members).</summary>
    [Range(1, 10)]
    public int Reviewers { get; set; } = 3;

    /// <summary>Reviewers who have not reviewed are reminded this long before the deadline.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan RemindBefore { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The latest deadline accepted, from today.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often open consultations are checked for reminders and deadlines.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

using System.ComponentModel.DataAnnotations;

namespace CopBot.Features.Query;

/// <summary>Query routing settings under <c>CopBot:Query</c>.</summary>
public sealed class QueryOptions
{
    public const string Section = "CopBot:Query";

    /// <summary>The community whose profile index routes questions (one community per deployment for now).</summary>
    [Required]
    public string Community { get; set; } = "default";

    /// <summary>How many experts are asked at once (large fan-outs are for broadcast-style communities and load tests).</summary>
    [Range(1, 50)]
    public int ExpertsPerQuery { get; set; } = 3;

    /// <summary>How many ranked experts are kept, so a decline can go to the next in line.</summary>
    [Range(1, 100)]
    public int CandidatesKept { get; set; } = 8;

    /// <summary>How long an expert has to answer before the next is asked; a reminder goes out at half time.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan AnswerWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often open queries are checked for reminders and timeouts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the in-memory expert index is rebuilt from Table Storage.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan IndexRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);
}

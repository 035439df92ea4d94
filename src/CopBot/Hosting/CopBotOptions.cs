using System.ComponentModel.DataAnnotations;

namespace CopBot.Hosting;

/// <summary>Host settings under the <c>CopBot</c> section.</summary>
public sealed class CopBotOptions
{
    public const string Section = "CopBot";

    /// <summary>Largest activity body accepted; Teams activities are far smaller, so more is an attack or a bug.</summary>
    [Range(4096, 4 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Prefix of every table name, so several deployments or test runs can share one account.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,29}$")]
    public string TablePrefix { get; set; } = "CopBot";

    /// <summary>
    /// Tenant ids whose activities are processed; others get 403 and nothing is stored. Empty: every tenant
    /// (fine for a single-tenant bot registration, which Azure already restricts to its own tenant).
    /// </summary>
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>
    /// How long the once-only record of each received activity is kept. Teams redelivers within minutes; a week
    /// leaves room for a long outage of the bot while keeping the table from growing forever.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan ProcessedActivityRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Turns in progress at once before new activities get 503 with Retry-After (see <see cref="TurnAdmission"/>).
    /// A turn takes milliseconds, so at a thousand activities a second about ten are in progress; the cap only bites
    /// when storage or the connector stalls.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxConcurrentTurns { get; set; } = 256;

    /// <summary>
    /// A turn that takes at least this long (from the once-only claim to the handler's end) is logged as a warning with
    /// where its time went: claim, contact record, handler, connector calls. Zero turns the warning off. Teams gives
    /// a turn 15 s; a second is already slow for a chat reply.
    /// </summary>
    public TimeSpan SlowTurnWarning { get; set; } = TimeSpan.FromSeconds(1);
}

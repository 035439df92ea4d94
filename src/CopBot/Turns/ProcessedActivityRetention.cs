using CopBot.Community;
using CopBot.Hosting;
using Microsoft.Extensions.Options;

namespace CopBot.Turns;

/// <summary>Deletes once-only records of activities received more than <see cref="CopBotOptions.ProcessedActivityRetention"/> ago.</summary>
public sealed class ProcessedActivityRetention(
    IProcessedActivityStore store, IOptions<CopBotOptions> options, TimeProvider clock, ILogger<ProcessedActivityRetention> logger)
    : PeriodicPurgeService(clock, logger)
{
    protected override string Records => "once-only records of activities";

    protected override TimeSpan Retention => options.Value.ProcessedActivityRetention;

    protected override Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => store.PurgeAsync(cutoff, cancellationToken);
}

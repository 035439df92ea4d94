using CopBot.Features.Requests;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Discuss;

/// <summary>Runs the discussion deadline check on the shared periodic loop.</summary>
public sealed class DiscussDeadlineService(DiscussDeadlineChecker checker, IOptions<DiscussOptions> options, TimeProvider clock)
    : PeriodicCheckService(checker, clock)
{
    protected override TimeSpan Interval => options.Value.DeadlineCheckInterval;
}

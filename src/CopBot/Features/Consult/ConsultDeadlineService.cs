using CopBot.Features.Requests;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Consult;

/// <summary>Runs the consultation deadline check on the shared periodic loop.</summary>
public sealed class ConsultDeadlineService(ConsultDeadlineChecker checker, IOptions<ConsultOptions> options, TimeProvider clock)
    : PeriodicCheckService(checker, clock)
{
    protected override TimeSpan Interval => options.Value.DeadlineCheckInterval;
}

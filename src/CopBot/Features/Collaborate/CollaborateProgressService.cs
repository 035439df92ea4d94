using CopBot.Features.Requests;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Collaborate;

/// <summary>Runs the working-group progress check on the shared periodic loop.</summary>
public sealed class CollaborateProgressService(CollaborateProgressChecker checker, IOptions<CollaborateOptions> options, TimeProvider clock)
    : PeriodicCheckService(checker, clock)
{
    protected override TimeSpan Interval => options.Value.DeadlineCheckInterval;
}

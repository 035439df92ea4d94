using CopBot.Features.Requests;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Query;

/// <summary>Runs the query deadline check on the shared periodic loop.</summary>
public sealed class QueryDeadlineService(QueryDeadlineChecker checker, IOptions<QueryOptions> options, TimeProvider clock)
    : PeriodicCheckService(checker, clock)
{
    protected override TimeSpan Interval => options.Value.DeadlineCheckInterval;
}

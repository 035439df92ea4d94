using CopBot.Features.Requests;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Digest;

/// <summary>Checks on the shared periodic loop whether a digest is due.</summary>
public sealed class DigestService(DigestChecker checker, IOptions<DigestOptions> options, TimeProvider clock)
    : PeriodicCheckService(checker, clock)
{
    protected override TimeSpan Interval => options.Value.CheckInterval;
}

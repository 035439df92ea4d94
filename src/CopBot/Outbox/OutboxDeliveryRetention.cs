using CopBot.Hosting;
using Microsoft.Extensions.Options;

namespace CopBot.Outbox;

/// <summary>
/// Deletes the send records (<see cref="OutboxDeliveries"/>) recorded as sent more than
/// <see cref="OutboxOptions.DeliveryRetention"/> ago; claims still <c>Sending</c> are never deleted.
/// </summary>
public sealed class OutboxDeliveryRetention(
    OutboxDeliveries deliveries, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxDeliveryRetention> logger)
    : PeriodicPurgeService(clock, logger)
{
    protected override string Records => "outbox send records";

    protected override TimeSpan Retention => options.Value.DeliveryRetention;

    protected override Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => deliveries.PurgeAsync(cutoff, cancellationToken);
}

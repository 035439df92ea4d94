using Azure;
using Microsoft.Extensions.Logging;

namespace CopBot.Storage;

/// <summary>
/// Runs an optimistic read-modify-write again when someone else wrote first: 412 (the ETag read is stale) or 409
/// (the row we meant to create appeared). Each attempt re-reads; nothing is ever overwritten blindly. Bounded, so a
/// hot row fails loudly instead of spinning.
/// </summary>
internal static class ConcurrencyRetry
{
    public const int MaxAttempts = 10;

    public static async Task<T> RunAsync<T>(
        Func<CancellationToken, Task<T>> readModifyWrite, ILogger logger, string what, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await readModifyWrite(cancellationToken);
            }
            catch (RequestFailedException e) when (IsConflict(e) && attempt < MaxAttempts)
            {
                Log.ConcurrentWrite(logger, what, e.Status, attempt);
            }
        }
    }

    public static async Task RunAsync(
        Func<CancellationToken, Task> readModifyWrite, ILogger logger, string what, CancellationToken cancellationToken) =>
        await RunAsync(
            async ct =>
            {
                await readModifyWrite(ct);
                return true;
            },
            logger,
            what,
            cancellationToken);

    private static bool IsConflict(RequestFailedException e) => e.Status is 409 or 412;
}

namespace CopBot.Features.Requests;

/// <summary>
/// One pass of a deadline checker over a modality's open requests: each is checked on its own, and a failure is
/// logged and left for the next pass (its state is in storage) instead of stopping the others.
/// </summary>
public static class OpenRequestSweep
{
    public static async Task RunAsync(
        Func<CancellationToken, Task<IReadOnlyList<string>>> listOpen,
        Func<string, CancellationToken, Task> check,
        Action<Exception, string> failed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listOpen);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(failed);
        foreach (var id in await listOpen(cancellationToken))
        {
            try
            {
                await check(id, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed(ex, id);
            }
        }
    }
}

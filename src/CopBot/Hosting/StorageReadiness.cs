namespace CopBot.Hosting;

/// <summary>
/// Completes once <see cref="StartupChecks"/> has created the tables, so the index refreshers' first read does not
/// meet missing tables on fresh storage (which cost a warning and a whole refresh interval without a loaded index).
/// </summary>
public sealed class StorageReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void MarkReady() => _ready.TrySetResult();

    public Task WaitAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);
}

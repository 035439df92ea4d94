namespace CopBot.Community;

/// <summary>Tells whether the store answers, quickly, so a health endpoint never hangs on a dead dependency.</summary>
public interface IStorageHealth
{
    /// <returns><see langword="true"/> when the store answered within its short timeout.</returns>
    Task<bool> CheckAsync(CancellationToken cancellationToken);
}

using CopBot.Community;
using CopBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CopBot.LoadBench;

/// <summary>
/// The Table Storage part of CopBot's turn without CopBot: the same store classes, registrations and tables, called
/// from the load generator. Per turn that is what Azurite's request log shows for a steady-state <c>help</c> or
/// <c>profile</c> message: the once-only claim (group-committed like the bot's), and for <c>profile</c> the member's
/// profile lookup by Entra id (the bench's members have no profile, so the routing index sends the lookup straight
/// there); the contact record is cached after first contact. Its latency at the bot's half-of-peak rate is the floor
/// under the bot's ack latency on this machine: what the storage alone takes, before any bot work.
/// </summary>
internal sealed class StorageFloor(IProcessedActivityStore claims, IProfileStore profiles, IReadOnlyList<string> texts) : IDisposable
{
    public const string Name = "CopBot's storage calls alone (no bot)";

    private const string Community = "default";

    private ServiceProvider? _services;
    private long _claimed;

    public static StorageFloor Create(string connectionString, string tablePrefix, IReadOnlyList<string> texts)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddCopBotTableStorage(connectionString, o => o.TablePrefix = tablePrefix)
            .BuildServiceProvider();
        return new StorageFloor(services.GetRequiredService<IProcessedActivityStore>(), services.GetRequiredService<IProfileStore>(), texts) { _services = services };
    }

    /// <summary>
    /// One turn's storage calls, in the bot's order; false when storage failed. Activity ids are unique across phases
    /// (the warm-up's sequence numbers start again at 0), so every claim is a first delivery as in the bot's phases.
    /// </summary>
    public async Task<bool> TurnAsync(int conversation, long sequence)
    {
        try
        {
            if (!await claims.TryBeginAsync("msteams", LoadRun.ConversationId(conversation), $"floor-{Interlocked.Increment(ref _claimed)}", CancellationToken.None))
            {
                return false;
            }

            if (texts[(int)(sequence % texts.Count)] == "profile")
            {
                await profiles.FindByAadObjectIdAsync(Community, LoadRun.AadObjectId(conversation), CancellationToken.None);
            }

            return true;
        }
        catch (Azure.RequestFailedException)
        {
            return false;
        }
    }

    public void Dispose() => _services?.Dispose();
}

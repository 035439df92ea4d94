using CopBot.Community;
using CopBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CopBot.LoadBench;

/// <summary>
/// The Table Storage part of CopBot's turn without CopBot: the same store classes, registrations and tables, called
/// from the load generator. Per turn that is what Azurite's request log shows for a steady-state <c>help</c> or
/// <c>profile</c> message: keeping it in the inbox (the one write the bot acknowledges after), then, off the timed path
/// as in the bot, its claim, for <c>profile</c> the member's profile lookup by Entra id (the bench's members have no
/// profile, so the routing index sends the lookup straight there) and the completion; the contact record is cached
/// after first contact. Its latency at the bot's half-of-peak rate is the
/// floor under the bot's ack latency on this machine: what the storage alone takes, before any bot work.
/// </summary>
internal sealed class StorageFloor(IActivityInbox inbox, IProfileStore profiles, IReadOnlyList<string> texts) : IDisposable
{
    public const string Name = "CopBot's storage calls alone (no bot)";

    private const string Community = "default";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(3);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, Task> _afterAcknowledgement = new();
    private ServiceProvider? _services;
    private long _accepted;

    public static StorageFloor Create(string connectionString, string tablePrefix, IReadOnlyList<string> texts)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddCopBotTableStorage(connectionString, o => o.TablePrefix = tablePrefix)
            .BuildServiceProvider();
        return new StorageFloor(services.GetRequiredService<IActivityInbox>(), services.GetRequiredService<IProfileStore>(), texts) { _services = services };
    }

    /// <summary>
    /// One turn's storage calls, in the bot's order; acknowledged once the activity is kept (the bot's acknowledgement),
    /// failed when storage failed. Activity ids are unique across phases, so every accept is a first delivery as in the bot's phases.
    /// </summary>
    public async Task<SendOutcome> TurnAsync(int conversation, long sequence)
    {
        var number = Interlocked.Increment(ref _accepted);
        var text = texts[(int)(sequence % texts.Count)];
        var activity = new InboundActivity("msteams", LoadRun.ConversationId(conversation), $"floor-{number}", LoadRun.MessageJson("http://127.0.0.1/", $"floor-{number}", conversation, text));
        UnfinishedActivity? accepted;
        try
        {
            accepted = await inbox.TryAcceptAsync(activity, Lease, CancellationToken.None);
        }
        catch (Azure.RequestFailedException)
        {
            return SendOutcome.Failed;
        }

        if (accepted is null)
        {
            return SendOutcome.Failed;
        }

        _afterAcknowledgement[number] = AfterAcknowledgementAsync(number, accepted, conversation, text);
        return SendOutcome.Acknowledged;
    }

    /// <summary>Waits for the calls made after the acknowledgements, so the next phase starts on a quiet storage.</summary>
    public Task DrainAsync() => Task.WhenAll(_afterAcknowledgement.Values);

    public void Dispose() => _services?.Dispose();

    private async Task AfterAcknowledgementAsync(long number, UnfinishedActivity accepted, int conversation, string text)
    {
        await Task.Yield();
        var activity = accepted.Activity;
        try
        {
            await inbox.TryClaimAsync(accepted, CancellationToken.None);
            if (text == "profile")
            {
                await profiles.FindByAadObjectIdAsync(Community, LoadRun.AadObjectId(conversation), CancellationToken.None);
            }

            await inbox.CompleteAsync(activity.ChannelId, activity.ConversationId, activity.ActivityId, CancellationToken.None);
        }
        catch (Azure.RequestFailedException)
        {
            // A storage failure after the acknowledgement leaves the row unfinished, as it would in the bot.
        }
        finally
        {
            _afterAcknowledgement.TryRemove(number, out _);
        }
    }
}

using System.Collections.Concurrent;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Protocol;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Contacts;

/// <summary>
/// Saves how to reach the sender and the conversation (serviceUrl, ids, tenant) on install and first contact:
/// proactive 1:1 cards and thread updates need them later. A per-instance memo skips rewriting what has not
/// changed, so an ordinary message costs no storage round-trip. The first team channel the bot is added to or spoken
/// to in becomes the community's channel (where the digest is posted); later channels never replace it.
/// </summary>
public sealed class ContactRecorder(IContactStore store, ICommunityChannelStore channels, IOptions<QueryOptions> options, TimeProvider clock)
{
    private const string UnknownTenant = "none";
    private readonly ConcurrentDictionary<string, string> _saved = new(StringComparer.Ordinal);

    public async Task RecordAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var reference = activity.GetConversationReference();
        var tenant = reference.TenantId ?? UnknownTenant;
        var now = clock.GetUtcNow();

        var conversation = ToConversationContact(activity, reference, now);
        await SaveOnceAsync($"c|{conversation.ConversationId}", $"{conversation.ServiceUrl}|{conversation.BotName}",
            ct => store.UpsertConversationAsync(conversation, ct), cancellationToken);
        if (conversation.ConversationType == ConversationTypes.Channel)
        {
            var community = options.Value.Community;
            var channel = new CommunityChannel(community, conversation.ChannelId, conversation.ServiceUrl, conversation.ConversationId, conversation.TenantId,
                conversation.TeamName, conversation.BotId, conversation.BotName, now);
            await SaveOnceAsync($"community|{community}", "recorded", ct => channels.RecordIfAbsentAsync(channel, ct), cancellationToken);
        }

        var people = new List<ChannelAccount> { activity.From! };
        people.AddRange((activity.MembersAdded ?? []).Where(m => m.Id != activity.Recipient?.Id));
        foreach (var person in people.Where(p => !string.IsNullOrWhiteSpace(p.Id) && p.Role != "bot"))
        {
            var personal = conversation.ConversationType == "personal" && person.Id == activity.From!.Id ? conversation.ConversationId : null;
            var member = new MemberContact(tenant, person.Id!, person.AadObjectId, person.Name, activity.ChannelId!, activity.ServiceUrl!, personal, now, now);
            await SaveOnceAsync($"m|{tenant}|{member.UserId}", $"{member.ServiceUrl}|{member.Name}|{member.AadObjectId}|{personal}",
                ct => store.UpsertMemberAsync(member, ct), cancellationToken);
        }
    }

    private static ConversationContact ToConversationContact(Activity activity, ConversationReference reference, DateTimeOffset now)
    {
        var channelData = activity.GetTeamsChannelData();
        return new ConversationContact(
            activity.ChannelId!,
            activity.ServiceUrl!,
            TeamsThread.RootConversationId(activity.Conversation!.Id!),
            activity.Conversation.ConversationType ?? (activity.Conversation.IsGroup == true ? "groupChat" : "personal"),
            reference.TenantId,
            channelData?.Team?.Id,
            channelData?.Team?.Name,
            activity.Recipient?.Id,
            activity.Recipient?.Name,
            now,
            now);
    }

    /// <summary>Saves when this instance never saved the key or its details changed; remembers only after success.</summary>
    private async Task SaveOnceAsync(string key, string fingerprint, Func<CancellationToken, Task> save, CancellationToken cancellationToken)
    {
        if (_saved.TryGetValue(key, out var known) && known == fingerprint)
        {
            return;
        }

        await save(cancellationToken);
        _saved[key] = fingerprint;
    }
}

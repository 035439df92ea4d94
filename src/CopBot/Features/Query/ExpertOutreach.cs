using CopBot.Cards;
using CopBot.Community;
using CopBot.Protocol;
using CopBot.Hosting;
using CopBot.Protocol.Connector;

namespace CopBot.Features.Query;

/// <summary>
/// Asks one expert: a proactive 1:1 card when the bot knows how to reach them (they installed it or talked to it),
/// otherwise an @mention in the question's thread. The outcome is stored on the query before returning.
/// </summary>
public sealed class ExpertOutreach(
    IConnectorClient connector,
    IContactStore contacts,
    IProfileStore profiles,
    IQueryStore queries,
    QueryThread thread,
    TimeProvider clock,
    ILogger<ExpertOutreach> logger)
{
    public async Task<QueryRequest> AskAsync(QueryRequest query, ExpertAssignment expert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(expert);
        var asked = await TrySendPersonalCardAsync(query, expert, cancellationToken);
        if (asked is null)
        {
            await thread.MentionAsync(
                query.Place,
                new ChannelAccount { Id = expert.ExpertId, Name = expert.Name },
                "could you help with this question? Reply in this thread.",
                cancellationToken);
            asked = expert with { NotifiedBy = NotificationChannel.ThreadMention };
        }

        asked = asked with { State = AssignmentState.Asked, AskedAt = clock.GetUtcNow() };
        return await queries.UpdateAsync(query.Community, query.Id, q => q.With(asked), cancellationToken) ?? query.With(asked);
    }

    /// <summary>A nudge where the expert was asked: their 1:1 chat, or the thread for those reached by mention.</summary>
    public async Task RemindAsync(QueryRequest query, ExpertAssignment expert, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(expert);
        var text = $"Reminder: {query.AskerName} is still waiting for an answer to \"{Shorten(query.Question)}\" (until {deadline:yyyy-MM-dd HH:mm} UTC).";
        if (expert is { NotifiedBy: NotificationChannel.PersonalCard, PersonalConversationId: { } chat })
        {
            var reminder = Activity.CreateMessage(text + " Answer or decline on the card above.");
            reminder.From = new ChannelAccount { Id = query.Place.BotId, Name = query.Place.BotName };
            reminder.Conversation = new ConversationAccount { Id = chat, TenantId = query.Place.TenantId };
            await connector.SendToConversationAsync(query.Place.ServiceUrl, chat, reminder, cancellationToken);
            return;
        }

        await thread.MentionAsync(query.Place, new ChannelAccount { Id = expert.ExpertId, Name = expert.Name }, text + " Reply in this thread.", cancellationToken);
    }

    /// <summary>Nobody asked could help: the community's facilitators are mentioned in the thread to find someone.</summary>
    public async Task AskFacilitatorsAsync(QueryRequest query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var facilitators = (await profiles.ListAsync(query.Community, cancellationToken)).Where(p => p.Roles.Contains(CommunityRole.Facilitator)).Take(3);
        foreach (var facilitator in facilitators)
        {
            await thread.MentionAsync(query.Place, new ChannelAccount { Id = facilitator.Id, Name = facilitator.Name },
                "nobody asked so far could answer this question. Could you find someone who knows?", cancellationToken);
        }
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";

    private async Task<ExpertAssignment?> TrySendPersonalCardAsync(QueryRequest query, ExpertAssignment expert, CancellationToken cancellationToken)
    {
        var contact = await FindContactAsync(query.Place.TenantId, expert, cancellationToken);
        if (contact is null || query.Place.TenantId is null)
        {
            return null;
        }

        try
        {
            var bot = new ChannelAccount { Id = query.Place.BotId, Name = query.Place.BotName };
            var conversation = contact.PersonalConversationId
                ?? (await connector.CreateConversationAsync(contact.ServiceUrl,
                    ConversationParameters.ForPersonalChat(bot, new ChannelAccount { Id = contact.UserId }, query.Place.TenantId), cancellationToken)).Id!;
            var card = Activity.CreateAdaptiveCardMessage(CardJson.ToJsonElement(QueryCards.ExpertRequest(query, expert)), "A question for you");
            card.From = bot;
            card.Conversation = new ConversationAccount { Id = conversation, TenantId = query.Place.TenantId };
            var sent = await connector.SendToConversationAsync(contact.ServiceUrl, conversation, card, cancellationToken);
            return expert with { NotifiedBy = NotificationChannel.PersonalCard, PersonalConversationId = conversation, CardActivityId = sent.Id };
        }
        catch (ConnectorException ex)
        {
            // Typically 403/404: the app is not installed for this user any more. The thread mention still reaches them.
            Log.PersonalCardFailed(logger, ex, expert.ExpertId, ex.StatusCode);
            return null;
        }
    }

    private async Task<MemberContact?> FindContactAsync(string? tenantId, ExpertAssignment expert, CancellationToken cancellationToken)
    {
        if (tenantId is null)
        {
            return null;
        }

        return await contacts.GetMemberAsync(tenantId, expert.ExpertId, cancellationToken)
            ?? (expert.AadObjectId is { } aad ? await contacts.FindMemberByAadObjectIdAsync(tenantId, aad, cancellationToken) : null)
            ?? await contacts.FindMemberByAadObjectIdAsync(tenantId, expert.ExpertId, cancellationToken);
    }
}

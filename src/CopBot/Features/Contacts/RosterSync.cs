using CopBot.Community;
using CopBot.Hosting;
using CopBot.Protocol;
using CopBot.Protocol.Connector;

namespace CopBot.Features.Contacts;

/// <summary>
/// When the bot joins a team or group chat, saves every member's address (user id, Entra object id, e-mail and
/// sign-in name, tenant, serviceUrl): experts in the team can then get 1:1 cards without ever having written to
/// the bot, also those whose profile was imported with only an e-mail.
/// A failure only costs the 1:1 route (experts are @mentioned instead), so it is logged, not thrown.
/// </summary>
public sealed class RosterSync(IConnectorClient connector, IContactStore contacts, TimeProvider clock, ILogger<RosterSync> logger)
{
    private const int PageSize = 200;
    private const int MaxPages = 50;

    public async Task SaveMembersAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = TeamsThread.RootConversationId(activity.Conversation!.Id!);
        var tenant = activity.GetConversationReference().TenantId;
        if (tenant is null)
        {
            return;
        }

        try
        {
            var saved = 0;
            string? continuation = null;
            for (var page = 0; page < MaxPages; page++)
            {
                var members = await connector.GetPagedMembersAsync(activity.ServiceUrl!, conversationId, PageSize, continuation, cancellationToken);
                foreach (var member in (members.Members ?? []).Where(m => !string.IsNullOrWhiteSpace(m.Id)))
                {
                    var now = clock.GetUtcNow();
                    await contacts.UpsertMemberAsync(
                        new MemberContact(member.TenantId ?? tenant, member.Id!, member.EntraObjectId, member.Name, activity.ChannelId!, activity.ServiceUrl!, null, now, now)
                        {
                            Email = Blank(member.Email),
                            UserPrincipalName = Blank(member.UserPrincipalName),
                        },
                        cancellationToken);
                    saved++;
                }

                continuation = members.ContinuationToken;
                if (string.IsNullOrEmpty(continuation))
                {
                    break;
                }
            }

            Log.RosterSaved(logger, conversationId, saved);
        }
        catch (ConnectorException ex)
        {
            Log.RosterFailed(logger, ex, conversationId);
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

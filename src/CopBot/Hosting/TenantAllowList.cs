using CopBot.Protocol;
using Microsoft.Extensions.Options;

namespace CopBot.Hosting;

/// <summary>
/// Which Microsoft 365 tenants may talk to the bot. A valid channel token proves the activity came through the
/// Bot Framework, not that it came from the organisation the community belongs to: a multi-tenant bot can be
/// installed by anyone, so the tenant is checked too. An empty list allows every tenant (local runs, tests).
/// </summary>
public sealed class TenantAllowList(IOptions<CopBotOptions> options)
{
    private readonly HashSet<string> _allowed = new(
        options.Value.AllowedTenants.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()),
        StringComparer.OrdinalIgnoreCase);

    public bool IsRestricted => _allowed.Count > 0;

    /// <summary>True when the list is empty or names the activity's tenant; an activity without a tenant is refused when restricted.</summary>
    public bool Allows(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!IsRestricted)
        {
            return true;
        }

        var tenant = TenantOf(activity);
        return tenant is not null && _allowed.Contains(tenant);
    }

    /// <summary><c>conversation.tenantId</c>, else <c>channelData.tenant.id</c> (Teams sends both; other callers one).</summary>
    public static string? TenantOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var fromConversation = activity.Conversation?.TenantId;
        return string.IsNullOrWhiteSpace(fromConversation) ? NullIfBlank(activity.GetTeamsChannelData()?.Tenant?.Id) : fromConversation.Trim();
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

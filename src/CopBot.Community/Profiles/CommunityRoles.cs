namespace CopBot.Community;

/// <summary>The camel-case names of <see cref="CommunityRole"/> used in files and in storage.</summary>
public static class CommunityRoles
{
    public static string ToName(CommunityRole role) => role switch
    {
        CommunityRole.Member => "member",
        CommunityRole.Expert => "expert",
        CommunityRole.Facilitator => "facilitator",
        CommunityRole.Coordinator => "coordinator",
        CommunityRole.KnowledgeManager => "knowledgeManager",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown community role."),
    };

    /// <summary>Case-insensitive; unlike <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> it refuses numbers.</summary>
    public static bool TryParse(string? name, out CommunityRole role)
    {
        foreach (var candidate in Enum.GetValues<CommunityRole>())
        {
            if (string.Equals(ToName(candidate), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}

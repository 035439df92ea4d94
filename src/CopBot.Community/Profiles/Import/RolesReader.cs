namespace CopBot.Community;

/// <summary>Reads <c>roles</c>; everyone is at least a <see cref="CommunityRole.Member"/> when none is given.</summary>
internal static class RolesReader
{
    private static readonly string KnownNames = string.Join(", ", Enum.GetValues<CommunityRole>().Select(CommunityRoles.ToName));

    public static IReadOnlyList<CommunityRole> Read(JsonObjectReader reader)
    {
        var roles = new List<CommunityRole>();
        var names = reader.TextList("roles", maxItems: 10, maxLength: 50);
        foreach (var name in names)
        {
            if (!CommunityRoles.TryParse(name, out var role))
            {
                reader.AddError($"'{reader.PathOf("roles")}' has an unknown role '{name}' (known: {KnownNames})");
            }
            else if (!roles.Contains(role))
            {
                roles.Add(role);
            }
        }

        return roles.Count > 0 ? roles : [CommunityRole.Member];
    }
}

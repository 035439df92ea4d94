using Azure.Data.Tables;
using CopBot.Community;

namespace CopBot.Storage;

/// <summary>
/// Rows of the profiles table. Partition = community, which is what routing lists. Beside each profile row live its
/// lookup rows (Entra object id, e-mail) for roster linking: sharing the partition lets the profile and its lookups
/// change in one atomic transaction guarded by the profile's ETag, so the lookups are never stale. Lookup keys end
/// with the profile id, so two profiles sharing an e-mail never overwrite each other's lookup.
/// </summary>
internal static class ProfileRows
{
    public const string ProfileKind = "profile";
    public const string AadKind = "aad";
    public const string EmailKind = "email";

    public static string Partition(string community) => KeyEncoder.Encode(community);

    public static string ProfileRow(string id) => KeyEncoder.Join(ProfileKind, id);

    public static string LookupRow(string kind, string value, string id) => KeyEncoder.Join(kind, value.ToLowerInvariant(), id);

    /// <summary>Bounds of every row key that starts with the given parts followed by the separator.</summary>
    public static (string From, string To) PrefixRange(params ReadOnlySpan<string> parts)
    {
        var prefix = KeyEncoder.Join(parts);
        return (prefix + KeyEncoder.Separator, prefix + (char)(KeyEncoder.Separator + 1));
    }

    public static TableEntity ToEntity(ExpertProfile profile, string? historyVersion) =>
        new(Partition(profile.Community), ProfileRow(profile.Id))
        {
            ["Name"] = profile.Name,
            ["AadObjectId"] = profile.AadObjectId,
            ["Email"] = profile.Email,
            ["Skills"] = JsonColumn.Write(profile.Skills, "Skills"),
            ["Roles"] = JsonColumn.Write(profile.Roles.Select(CommunityRoles.ToName), "Roles"),
            ["MaxOpenRequests"] = profile.MaxOpenRequests,
            ["Bio"] = JsonColumn.CheckText(profile.Bio, "Bio"),
            ["Languages"] = JsonColumn.Write(profile.Languages, "Languages"),
            ["Location"] = profile.Location,
            ["Organization"] = profile.Organization,
            ["BusyUntil"] = profile.BusyUntil,
            ["HistoryVersion"] = historyVersion,
            ["JoinedAt"] = profile.JoinedAt,
        };

    public static ExpertProfile ToProfile(TableEntity entity, IReadOnlyList<AnsweredQuestion> history) =>
        new(
            Community: KeyEncoder.Decode(entity.PartitionKey),
            Id: KeyEncoder.Split(entity.RowKey)[1],
            Name: entity.GetString("Name") ?? "",
            Skills: JsonColumn.Read<List<Skill>>(entity.GetString("Skills"), []),
            Roles: ReadRoles(entity.GetString("Roles")),
            MaxOpenRequests: entity.GetInt32("MaxOpenRequests") ?? ExpertProfile.DefaultMaxOpenRequests)
        {
            AadObjectId = entity.GetString("AadObjectId"),
            Email = entity.GetString("Email"),
            Bio = entity.GetString("Bio"),
            Languages = JsonColumn.Read<List<string>>(entity.GetString("Languages"), []),
            Location = entity.GetString("Location"),
            Organization = entity.GetString("Organization"),
            BusyUntil = entity.GetDateTimeOffset("BusyUntil"),
            History = history,
            JoinedAt = entity.GetDateTimeOffset("JoinedAt"),
        };

    public static string? HistoryVersion(TableEntity entity) => entity.GetString("HistoryVersion");

    public static IEnumerable<TableEntity> LookupRows(ExpertProfile profile)
    {
        var partition = Partition(profile.Community);
        if (profile.AadObjectId is { } aadObjectId)
        {
            yield return new TableEntity(partition, LookupRow(AadKind, aadObjectId, profile.Id));
        }

        if (profile.Email is { } email)
        {
            yield return new TableEntity(partition, LookupRow(EmailKind, email, profile.Id));
        }
    }

    // Roles unknown to this version (written by a newer one) are skipped rather than failing the read.
    private static List<CommunityRole> ReadRoles(string? json) =>
        [.. JsonColumn.Read<List<string>>(json, [])
            .Select(name => CommunityRoles.TryParse(name, out var role) ? role : (CommunityRole?)null)
            .OfType<CommunityRole>()];
}

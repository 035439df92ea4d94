namespace CopBot.Community;

/// <summary>
/// A person of the community as expert routing sees them. <see cref="Id"/> is unique within the community: a Teams
/// <c>29:</c> id, an Entra object id or any other stable id of the source system.
/// </summary>
public sealed record ExpertProfile(
    string Community,
    string Id,
    string Name,
    IReadOnlyList<Skill> Skills,
    IReadOnlyList<CommunityRole> Roles,
    int MaxOpenRequests = ExpertProfile.DefaultMaxOpenRequests)
{
    public const string DefaultCommunity = "default";
    public const int DefaultMaxOpenRequests = 3;

    public string? AadObjectId { get; init; }

    public string? Email { get; init; }

    public string? Bio { get; init; }

    public IReadOnlyList<string> Languages { get; init; } = [];

    public string? Location { get; init; }

    public string? Organization { get; init; }

    public IReadOnlyList<AnsweredQuestion> History { get; init; } = [];

    /// <summary>Out of office / busy: routing skips the expert while now is before this instant (null: available).</summary>
    public DateTimeOffset? BusyUntil { get; init; }

    /// <summary>True while <see cref="BusyUntil"/> lies after <paramref name="now"/>.</summary>
    public bool IsBusyAt(DateTimeOffset now) => BusyUntil is { } until && now < until;

    /// <summary>
    /// When the profile was first stored (the store sets and keeps it; null for profiles stored before it was kept).
    /// Not part of equality: re-importing the same profile is still "unchanged".
    /// </summary>
    public DateTimeOffset? JoinedAt { get; init; }

    // Records compare lists by reference; value equality lets a re-import recognise an unchanged profile.
    public bool Equals(ExpertProfile? other) =>
        other is not null
        && Community == other.Community
        && Id == other.Id
        && Name == other.Name
        && Skills.SequenceEqual(other.Skills)
        && Roles.SequenceEqual(other.Roles)
        && MaxOpenRequests == other.MaxOpenRequests
        && AadObjectId == other.AadObjectId
        && Email == other.Email
        && Bio == other.Bio
        && Languages.SequenceEqual(other.Languages)
        && Location == other.Location
        && Organization == other.Organization
        && BusyUntil == other.BusyUntil
        && History.SequenceEqual(other.History);

    public override int GetHashCode() => HashCode.Combine(Community, Id, Name);
}

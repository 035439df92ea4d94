namespace CopBot.Cards;

/// <summary>A member's own profile as the profile card shows and edits it.</summary>
/// <param name="Skills">Topic and level (1–5) pairs.</param>
public sealed record ProfileView(
    string Name,
    IReadOnlyList<(string Tag, int Level)> Skills,
    string? Bio,
    IReadOnlyList<string> Languages,
    string? Location,
    string? Organization,
    bool Exists)
{
    /// <summary>Requests whose published consolidated reply credits this member, newest first.</summary>
    public IReadOnlyList<string> CreditedIn { get; init; } = [];

    /// <summary>Out of office / busy until this date (UTC); null when available now.</summary>
    public DateOnly? BusyUntil { get; init; }

    /// <summary>How many open requests may reach the member at once; 0 means none.</summary>
    public int MaxOpenRequests { get; init; } = 3;
}

/// <summary>Input ids of the profile form and the verb that saves it.</summary>
public static class ProfileCardKeys
{
    public const string SaveVerb = "profile.save";
    public const string Skills = "skills";
    public const string Bio = "bio";
    public const string Languages = "languages";
    public const string Location = "location";
    public const string Organization = "organization";
    public const string BusyUntil = "busyUntil";
    public const string MaxOpenRequests = "maxOpenRequests";

    /// <summary>Bounds of the max open requests input (the importer's bounds too).</summary>
    public const int MaxOpenRequestsLimit = 100;
}

namespace CopBot.Community;

/// <summary>Either a valid profile or the reasons a line was rejected (and its id, when it could be read).</summary>
public sealed record ProfileParseResult(ExpertProfile? Profile, string? Error, string? ProfileId)
{
    public static ProfileParseResult Success(ExpertProfile profile) => new(profile, null, profile.Id);

    public static ProfileParseResult Failure(string error, string? profileId = null) => new(null, error, profileId);
}

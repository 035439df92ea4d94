namespace CopBot.Community;

/// <summary>A ranked expert and the reasons, shown to the asker and the expert.</summary>
public sealed record ExpertMatch(string ExpertId, string Name, double Score, IReadOnlyList<string> Why)
{
    /// <summary>The expert's Entra object id, when the profile has one: Teams activities carry it beside the 29: id.</summary>
    public string? AadObjectId { get; init; }

    /// <summary>The expert's e-mail, when the profile has one: the roster links it to a Teams id.</summary>
    public string? Email { get; init; }
}

/// <summary>The ranked experts and the topics the question was understood to be about.</summary>
public sealed record ExpertSearch(IReadOnlyList<ExpertMatch> Matches, IReadOnlyList<string> Topics)
{
    /// <summary>Nobody had evidence for the question (a knowledge gap): any matches are by activity alone.</summary>
    public bool IsGap { get; init; }
}

/// <summary>Ranks the community's experts for a question; the asker is never among them.</summary>
public interface IExpertFinder
{
    Task<ExpertSearch> FindAsync(string community, QueryText query, string askerId, int count, CancellationToken cancellationToken);
}

namespace CopBot.Community;

/// <summary>
/// What the community's periodic digest says for a period: what was published, what still needs help, who joined and
/// who contributed most. Computed from stored data by <see cref="DigestCalculator"/>.
/// </summary>
public sealed record CommunityDigest(
    string Community,
    DigestPeriod Period,
    IReadOnlyList<DigestPublication> Published,
    IReadOnlyList<DigestOpenRequest> NeedingHelp,
    IReadOnlyList<string> NewMembers,
    IReadOnlyList<DigestNewcomer> NewExperts,
    IReadOnlyList<CountByName> TopContributors)
{
    /// <summary>Nothing to tell the channel: no digest is posted for such a period.</summary>
    public bool IsQuiet =>
        Published.Count == 0 && NeedingHelp.Count == 0 && NewMembers.Count == 0 && NewExperts.Count == 0 && TopContributors.Count == 0;
}

/// <summary>A consolidated reply or deliverable kept in the knowledge base during the period.</summary>
public sealed record DigestPublication(KnowledgeKind Kind, string Title, IReadOnlyList<string> Contributors, Uri? Link, DateTimeOffset PublishedAt);

/// <summary>An open request with few or no answers: what it is, who asked, how many responses, what it lacks.</summary>
/// <param name="Modality">query, discuss, consult or collaborate.</param>
/// <param name="Need">E.g. "no answer yet", "1 of 3 reviews", "2 places open".</param>
public sealed record DigestOpenRequest(string Modality, string Title, string RequesterName, DateTimeOffset CreatedAt, int Responses, string Need, QueryPlace Place);

/// <summary>A member who joined with expertise, and their main topics.</summary>
public sealed record DigestNewcomer(string Name, IReadOnlyList<string> Topics);

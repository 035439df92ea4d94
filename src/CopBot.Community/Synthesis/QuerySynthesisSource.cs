namespace CopBot.Community;

/// <summary>
/// A query as synthesis reads it: the question and every expert's answer. (The query flow records answers given on the
/// expert cards; replies typed straight into the thread are not stored yet, so they are not contributions.)
/// </summary>
public static class QuerySynthesisSource
{
    public const string Modality = "query";

    /// <param name="organizations">Organisation by profile id, for the people who have one.</param>
    public static SynthesisRequest From(QueryRequest query, IReadOnlyDictionary<string, string?> organizations)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(organizations);
        var contributions = query.Experts
            .Where(e => e is { State: AssignmentState.Answered, Answer: { Length: > 0 } })
            .OrderBy(e => e.AnsweredAt ?? query.CreatedAt)
            .Select(e => new SynthesisContribution(
                $"{query.Id}/{e.ExpertId}",
                new Contributor(e.ExpertId, e.Name, organizations.GetValueOrDefault(e.ExpertId)),
                e.Answer!,
                e.AnsweredAt ?? query.CreatedAt))
            .ToList();
        return new SynthesisRequest(
            query.Community,
            query.Id,
            Modality,
            query.Question,
            new Contributor(query.AskerId, query.AskerName, organizations.GetValueOrDefault(query.AskerId)),
            query.CreatedAt,
            contributions);
    }
}

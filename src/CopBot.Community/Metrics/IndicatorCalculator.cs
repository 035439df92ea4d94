namespace CopBot.Community;

/// <summary>Computes <see cref="CommunityIndicators"/> from stored records; pure, so it is tested without storage.</summary>
public static class IndicatorCalculator
{
    public const int TopContributorCount = 10;
    public const int MaxGaps = 10;

    public static CommunityIndicators Compute(
        string community,
        DateTimeOffset from,
        DateTimeOffset to,
        IReadOnlyCollection<ExpertProfile> profiles,
        IReadOnlyCollection<QueryRequest> queries,
        IReadOnlyCollection<DuplicateOffer> offers,
        IReadOnlyCollection<KnowledgeEntry> entries,
        ModalityRecords? others = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(entries);
        var inPeriod = queries.Where(q => q.CreatedAt >= from && q.CreatedAt < to).ToList();
        // Answers count in the period they were given, whichever period the question came from.
        var answers = queries.SelectMany(q => q.Experts.Select(e => (Query: q, Expert: e)))
            .Where(p => p.Expert is { State: AssignmentState.Answered, AnsweredAt: { } at } && at >= from && at < to)
            .ToList();
        var contributors = answers.GroupBy(p => p.Expert.ExpertId, StringComparer.Ordinal)
            .Select(g => new CountByName(g.First().Expert.Name, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var contributorIds = answers.Select(p => p.Expert.ExpertId).ToHashSet(StringComparer.Ordinal);
        var askerIds = inPeriod.Select(q => q.AskerId).ToHashSet(StringComparer.Ordinal);
        var members = profiles.Count;
        var asking = profiles.Count(p => askerIds.Contains(p.Id) && !contributorIds.Contains(p.Id));
        var contributing = profiles.Count(p => contributorIds.Contains(p.Id));

        var firstAnswers = inPeriod
            .Select(q => q.Experts.Where(e => e.AnsweredAt is not null).Select(e => e.AnsweredAt!.Value - q.CreatedAt).DefaultIfEmpty(TimeSpan.MinValue).Min())
            .Where(t => t >= TimeSpan.Zero)
            .Order()
            .ToList();
        var answeredCount = inPeriod.Count(q => q.Answered.Count > 0);
        var gaps = inPeriod.SelectMany(q => q.Topics.Select(t => (Topic: t, Answered: q.Answered.Count > 0)))
            .GroupBy(p => p.Topic, StringComparer.Ordinal)
            .Select(g => new TopicGap(g.Key, g.Count(), g.Count(p => !p.Answered)))
            .Where(g => g.Unanswered > 0)
            .OrderByDescending(g => g.Unanswered).ThenBy(g => g.Topic, StringComparer.Ordinal)
            .Take(MaxGaps)
            .ToList();

        return new CommunityIndicators(
            community,
            from,
            to,
            members,
            profiles.Count(HasExpertise),
            contributorIds.Count,
            new ParticipationLevels(contributing, asking, members - contributing - asking),
            // A request answered from the knowledge base was never routed, so it is not counted here.
            [new CountByName("query", inPeriod.Count), .. (others ?? ModalityRecords.None).CountsIn(from, to)],
            inPeriod.Count,
            answeredCount,
            firstAnswers.Count == 0 ? null : Median(firstAnswers),
            offers.Count(o => o.State == DuplicateOfferState.Accepted && o.SettledAt >= from && o.SettledAt < to),
            entries.Count(e => e.PublishedAt >= from && e.PublishedAt < to),
            gaps,
            [.. contributors.Take(TopContributorCount)])
        {
            ReviewsCompleted = (others ?? ModalityRecords.None).ReviewsIn(from, to),
        };
    }

    /// <summary>A member counted as an expert: the expert role, declared skills or answers on record.</summary>
    public static bool HasExpertise(ExpertProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Roles.Contains(CommunityRole.Expert) || profile.History.Count > 0 || profile.Skills.Count > 0;
    }

    private static TimeSpan Median(List<TimeSpan> sorted) => sorted.Count % 2 == 1
        ? sorted[sorted.Count / 2]
        : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

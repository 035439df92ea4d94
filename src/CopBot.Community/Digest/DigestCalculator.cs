namespace CopBot.Community;

/// <summary>
/// Computes a <see cref="CommunityDigest"/> from stored records; pure, so it is tested without storage. The top
/// contributors are the <c>stats</c> indicators' own (<see cref="IndicatorCalculator"/>), so both always agree.
/// </summary>
public static class DigestCalculator
{
    /// <summary>A discussion or consultation with fewer responses than this still needs help.</summary>
    public const int FewResponses = 2;

    public const int TopContributorCount = 5;

    public static CommunityDigest Compute(
        string community,
        DigestPeriod period,
        IReadOnlyCollection<ExpertProfile> profiles,
        IReadOnlyCollection<QueryRequest> queries,
        IReadOnlyCollection<KnowledgeEntry> entries,
        ModalityRecords others)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(others);
        bool InPeriod(DateTimeOffset at) => at >= period.From && at < period.To;

        var published = entries
            .Where(e => e.Kind is KnowledgeKind.Synthesis or KnowledgeKind.Deliverable && InPeriod(e.PublishedAt))
            .OrderBy(e => e.PublishedAt)
            .Select(e => new DigestPublication(e.Kind, e.Title, [.. e.Contributors.Select(c => c.Name)], e.Thread?.Link, e.PublishedAt))
            .ToList();
        var joined = profiles.Where(p => p.JoinedAt is { } at && InPeriod(at)).OrderBy(p => p.JoinedAt).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var indicators = IndicatorCalculator.Compute(community, period.From, period.To, profiles, queries, [], entries, others);

        return new CommunityDigest(
            community,
            period,
            published,
            NeedingHelp(queries, others, period.To),
            [.. joined.Where(p => !IndicatorCalculator.HasExpertise(p)).Select(p => p.Name)],
            [.. joined.Where(IndicatorCalculator.HasExpertise).Select(p => new DigestNewcomer(p.Name, [.. p.Skills.OrderByDescending(s => s.Level).Select(s => s.Tag).Take(3)]))],
            [.. indicators.TopContributors.Take(TopContributorCount)]);
    }

    /// <summary>Requests still open, made before <paramref name="before"/>, with fewer answers than they need; least helped first.</summary>
    public static IReadOnlyList<DigestOpenRequest> NeedingHelp(IReadOnlyCollection<QueryRequest> queries, ModalityRecords others, DateTimeOffset before)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(others);
        var open = new List<DigestOpenRequest>();
        open.AddRange(queries
            .Where(q => q.Status == QueryStatus.Open && q.CreatedAt < before && q.Answered.Count == 0)
            .Select(q => new DigestOpenRequest("query", q.Question, q.AskerName, q.CreatedAt, 0, "no answer yet", q.Place)));
        open.AddRange(others.Discussions
            .Where(d => d.Status == DiscussionStatus.Open && d.CreatedAt < before && d.ContributionCount < FewResponses)
            .Select(d => new DigestOpenRequest("discuss", d.Topic, d.RequesterName, d.CreatedAt, d.ContributionCount, Count(d.ContributionCount, "contribution"), d.Place)));
        open.AddRange(others.Consultations
            .Where(c => c.Status == ConsultationStatus.Open && c.CreatedAt < before && c.ReviewsReceived < Math.Min(FewResponses, Math.Max(1, c.Reviewers.Count)))
            .Select(c => new DigestOpenRequest("consult", c.Title, c.RequesterName, c.CreatedAt, c.ReviewsReceived, $"{c.ReviewsReceived} of {c.Reviewers.Count} reviews", c.Place)));
        open.AddRange(others.WorkingGroups
            .Where(g => g.Status == WorkingGroupStatus.Open && g.CreatedAt < before && PlacesOpen(g) > 0)
            .Select(g => new DigestOpenRequest("collaborate", g.Goal, g.RequesterName, g.CreatedAt, g.Joined.Count, Count(PlacesOpen(g), "place") + " open", g.Place)));
        return [.. open.OrderBy(r => r.Responses).ThenBy(r => r.CreatedAt)];
    }

    private static int PlacesOpen(WorkingGroup group) => group.Roles.Sum(r => Math.Max(0, r.Count - group.Filled(r.Role)));

    private static string Count(int n, string noun) => n == 0 ? $"no {noun}s yet" : $"{n} {noun}{(n == 1 ? "" : "s")}";
}

namespace CopBot.Community;

/// <summary>
/// Per-snapshot, per-options evidence that does not depend on the question: each expert's recency-decayed activity,
/// each (tag, expert) topic evidence aligned with <see cref="ExpertIndex.TagExperts"/>, and the experts ordered by
/// activity (the fallback list when a question matches few people).
/// </summary>
internal sealed class RoutingPriors
{
    private readonly double? _activityHalfLife;
    private readonly double? _topicHalfLife;
    private readonly double _activityFloor;
    private readonly double _answersPerSkillLevel;

    private RoutingPriors(RoutingOptions options, double[] activity, double[][] topicEvidence, int[] byActivity)
        : this(options, activity, topicEvidence, [.. topicEvidence.Select(e => e.Select(v => Math.Log(1 + v)).ToArray())], byActivity)
    {
    }

    private RoutingPriors(RoutingOptions options, double[] activity, double[][] topicEvidence, double[][] logTopicEvidence, int[] byActivity)
    {
        _activityHalfLife = options.ActivityHalfLife;
        _topicHalfLife = options.TopicHalfLife;
        _activityFloor = options.ActivityFloor;
        _answersPerSkillLevel = options.AnswersPerSkillLevel;
        Activity = activity;
        LogActivity = [.. activity.Select(a => Math.Log(1 + a))];
        TopicEvidence = topicEvidence;
        LogTopicEvidence = logTopicEvidence;
        ByActivity = byActivity;
    }

    public double[] Activity { get; }

    /// <summary>log(1 + <see cref="Activity"/>), the prior's term of the score.</summary>
    public double[] LogActivity { get; }

    /// <summary>Tag id → decayed answers + skill credit of each expert in <see cref="ExpertIndex.TagExperts"/> (same positions).</summary>
    public double[][] TopicEvidence { get; }

    /// <summary>log(1 + <see cref="TopicEvidence"/>), the per-topic term of the topic score.</summary>
    public double[][] LogTopicEvidence { get; }

    /// <summary>Expert positions by activity descending, ties by id: the order of the unmatched experts' scores.</summary>
    public int[] ByActivity { get; }

    public bool Fits(RoutingOptions options) =>
        options.ActivityHalfLife == _activityHalfLife && options.TopicHalfLife == _topicHalfLife
        && options.ActivityFloor.Equals(_activityFloor) && options.AnswersPerSkillLevel.Equals(_answersPerSkillLevel);

    public static RoutingPriors Compute(ExpertIndex index, RoutingOptions options, DateTimeOffset now)
    {
        var decay = new Decay(index, now);
        var experts = index.Experts;
        var activity = new double[experts.Length];
        var evidence = new double[index.TagExperts.Length][];
        var cursor = new int[index.TagExperts.Length];
        for (var t = 0; t < evidence.Length; t++)
        {
            evidence[t] = index.TagExperts[t].Length == 0 ? [] : new double[index.TagExperts[t].Length];
        }

        for (var e = 0; e < experts.Length; e++)
        {
            var expert = experts[e];
            var sums = new double[expert.Topics.Length];
            var total = 0.0;
            foreach (var document in expert.Documents)
            {
                total += Math.Max(options.ActivityFloor, decay.Of(document.Question.At, options.ActivityHalfLife));
                var topical = decay.Of(document.Question.At, options.TopicHalfLife);
                foreach (var tag in document.Tags)
                {
                    sums[expert.Slot(tag)] += topical;
                }
            }

            activity[e] = total;
            for (var k = 0; k < expert.Topics.Length; k++)
            {
                var tag = expert.Topics[k];
                evidence[tag][cursor[tag]++] = sums[k] + (expert.Skills[k] * options.AnswersPerSkillLevel);
            }
        }

        var byActivity = Enumerable.Range(0, experts.Length).ToArray();
        Array.Sort(byActivity, (a, b) => activity[a] != activity[b]
            ? activity[b].CompareTo(activity[a])
            : string.CompareOrdinal(experts[a].Profile.Id, experts[b].Profile.Id));
        return new RoutingPriors(options, activity, evidence, byActivity);
    }
}

/// <summary>Recency: an answer's weight halves after <c>halfLife</c> later answers in the community; undated ones count fully.</summary>
internal readonly struct Decay(ExpertIndex index, DateTimeOffset now)
{
    private readonly int _upToNow = index.CountUpTo(now.UtcTicks);

    public double Of(DateTimeOffset? at, double? halfLife)
    {
        if (at is not { } when || halfLife is not { } answers || when >= now)
        {
            return 1;
        }

        return Math.Pow(0.5, (_upToNow - index.CountUpTo(when.UtcTicks)) / answers);
    }
}

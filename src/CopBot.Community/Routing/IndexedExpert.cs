namespace CopBot.Community;

/// <summary>An expert's profile with its history tokenised and its answers grouped by tag.</summary>
internal sealed class IndexedExpert
{
    private IndexedExpert(ExpertProfile profile, IReadOnlyList<IndexedDocument> documents)
    {
        Profile = profile;
        Documents = documents;
        var byTag = new Dictionary<string, List<DateTimeOffset?>>(StringComparer.Ordinal);
        foreach (var question in profile.History)
        {
            foreach (var tag in question.Tags.Select(Skill.NormalizeTag).Distinct())
            {
                if (!byTag.TryGetValue(tag, out var dates))
                {
                    byTag[tag] = dates = [];
                }

                dates.Add(question.At);
            }
        }

        AnswersByTag = byTag.ToDictionary(p => p.Key, p => (IReadOnlyList<DateTimeOffset?>)p.Value, StringComparer.Ordinal);
        SkillLevels = profile.Skills.ToDictionary(s => s.Tag, s => s.Level, StringComparer.Ordinal);
    }

    public ExpertProfile Profile { get; }

    public IReadOnlyList<IndexedDocument> Documents { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<DateTimeOffset?>> AnswersByTag { get; }

    public IReadOnlyDictionary<string, int> SkillLevels { get; }

    public IEnumerable<string> Topics => AnswersByTag.Keys.Union(SkillLevels.Keys);

    /// <summary>Tokenises the history, reusing the documents of <paramref name="previous"/> that did not change.</summary>
    public static IndexedExpert Create(ExpertProfile profile, IndexedExpert? previous)
    {
        var known = new Dictionary<AnsweredQuestion, IndexedDocument>();
        foreach (var document in previous?.Documents ?? [])
        {
            known.TryAdd(document.Question, document);
        }

        var documents = profile.History
            .Select(q => known.TryGetValue(q, out var reused) ? reused : IndexedDocument.Create(q))
            .ToList();
        return new IndexedExpert(profile, documents);
    }
}

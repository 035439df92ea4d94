namespace CopBot.Community;

/// <summary>
/// An expert as the index holds them: the profile without history bodies, the tokenised history, and the expert's
/// topics as sorted tag ids with answer counts and declared skill levels at the same positions (no dictionaries).
/// </summary>
internal sealed class IndexedExpert
{
    private IndexedExpert(ExpertProfile profile, IndexedDocument[] documents, int[] topics, int[] answers, int[] skills)
    {
        Profile = profile;
        Documents = documents;
        Topics = topics;
        Answers = answers;
        Skills = skills;
        OrganizationKey = profile.Organization is { } organization ? string.Intern(organization.Trim().ToUpperInvariant()) : null;
    }

    /// <summary>The profile with history bodies dropped (titles, tags and dates kept).</summary>
    public ExpertProfile Profile { get; }

    public IndexedDocument[] Documents { get; }

    /// <summary>Tag ids the expert answered on or declared, ascending.</summary>
    public int[] Topics { get; }

    /// <summary>Answered questions per topic (same positions as <see cref="Topics"/>).</summary>
    public int[] Answers { get; }

    /// <summary>Declared skill level per topic, 0 when not declared.</summary>
    public int[] Skills { get; }

    /// <summary>Organisation as compared for diversity (trimmed, upper case), null when unknown.</summary>
    public string? OrganizationKey { get; }

    public int Slot(int tag) => Array.BinarySearch(Topics, tag);

    /// <summary>Whether <paramref name="profile"/> is what this expert was built from (bodies compared by hash).</summary>
    public bool IsBuiltFrom(ExpertProfile profile)
    {
        if (profile.History.Count != Documents.Length)
        {
            return false;
        }

        for (var i = 0; i < Documents.Length; i++)
        {
            if (!Documents[i].Indexes(profile.History[i], IndexedDocument.Hash(profile.History[i].Text)))
            {
                return false;
            }
        }

        return Profile == profile with { History = Profile.History };
    }

    /// <summary>Tokenises the history, reusing the documents of <paramref name="previous"/> that did not change.</summary>
    public static IndexedExpert Create(ExpertProfile profile, IndexedExpert? previous, TermTable terms, TermTable tags)
    {
        var documents = new IndexedDocument[profile.History.Count];
        for (var i = 0; i < documents.Length; i++)
        {
            var question = profile.History[i];
            var hash = IndexedDocument.Hash(question.Text);
            documents[i] = previous?.Documents.FirstOrDefault(d => d.Indexes(question, hash))
                ?? IndexedDocument.Create(question, hash, terms, tags);
        }

        var answers = new SortedDictionary<int, (int Answers, int Skill)>();
        foreach (var document in documents)
        {
            foreach (var tag in document.Tags)
            {
                answers[tag] = (answers.GetValueOrDefault(tag).Answers + 1, 0);
            }
        }

        foreach (var skill in profile.Skills)
        {
            var tag = tags.Intern(skill.Tag);
            answers[tag] = (answers.GetValueOrDefault(tag).Answers, skill.Level);
        }

        var slim = profile with { History = [.. documents.Select(d => d.Question)] };
        return new IndexedExpert(
            slim, documents, [.. answers.Keys], [.. answers.Values.Select(v => v.Answers)], [.. answers.Values.Select(v => v.Skill)]);
    }
}

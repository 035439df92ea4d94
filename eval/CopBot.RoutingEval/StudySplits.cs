namespace CopBot.RoutingEval;

/// <summary>Where a study's test question falls: column 0/1 tuning half with tags / text, 2/3 held-out half, 4/5 fixed split.</summary>
internal readonly record struct StudyCell(int Column, int Position, IReadOnlySet<string> Relevant);

/// <summary>Ranks a test question for a study and records what the study needs of it; returns the ranking.</summary>
internal delegate IReadOnlyList<string> StudyRecorder(CommunityState state, SeQuestion question, bool withTags, StudyCell cell);

/// <summary>
/// The evaluation splits every study uses: the rolling split (its first half tunes, its second is held out) and the
/// fixed split of one site, each test question ranked with tags and as text only. Relevant = who answered, asker excluded.
/// </summary>
internal static class StudySplits
{
    public static string SiteName(string folder) => Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar));

    /// <param name="recorderFor">Given the site's dump, the recorder of the study's samples.</param>
    public static void Run(string folder, Func<StackExchangeDump, StudyRecorder> recorderFor)
    {
        ArgumentNullException.ThrowIfNull(recorderFor);
        var dump = StackExchangeDump.Load(folder);
        var evaluation = new Evaluation(dump);
        var from = evaluation.FirstTestQuestion;
        var to = dump.Questions.Count;
        var middle = from + ((to - from) / 2);
        var position = dump.Questions.Select((q, i) => (q.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var answerers = dump.Answers.ToLookup(a => a.QuestionId, a => a.OwnerId);
        var record = recorderFor(dump);
        var isFixed = false;
        Ranker Recording() => (state, question, withTags) =>
        {
            var at = position[question.Id];
            var column = (isFixed ? 4 : at < middle ? 0 : 2) + (withTags ? 0 : 1);
            var relevant = answerers[question.Id].Where(u => u != question.OwnerId).ToHashSet(StringComparer.Ordinal);
            return record(state, question, withTags, new StudyCell(column, at, relevant));
        };
        Contender[] contenders = [new("tags", Recording(), true), new("text", Recording(), false)];
        evaluation.Rolling(contenders, from, to);
        isFixed = true;
        evaluation.Fixed(contenders, from, to);
    }
}

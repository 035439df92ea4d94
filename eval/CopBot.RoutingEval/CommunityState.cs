using CopBot.Community;

namespace CopBot.RoutingEval;

/// <summary>
/// Everything known at one moment of the site's history: the answers given so far, the product's index over the
/// profiles made from them, and the counts the baselines use. <see cref="Add"/> moves time forward incrementally:
/// only the profiles of users who answered in between are rebuilt, and the index reuses everyone else's data.
/// </summary>
public sealed class CommunityState(StackExchangeDump dump)
{
    private readonly Dictionary<string, List<SeAnswer>> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> _tagCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lengths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> _answerTerms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _answerLengths = new(StringComparer.Ordinal);

    public ExpertIndex Index { get; private set; } = ExpertIndex.Empty(ProfileFactory.Community);

    public IEnumerable<string> Users => _answers.Keys;

    /// <summary>The user's answers so far, oldest first.</summary>
    public IReadOnlyList<SeAnswer> AnswersOf(string user) => _answers.TryGetValue(user, out var list) ? list : [];

    /// <summary>Answers seen so far in the whole community.</summary>
    public int TotalAnswers { get; private set; }

    /// <summary>When the latest answer so far was written (what a frozen snapshot has seen).</summary>
    public DateTimeOffset LatestAt { get; private set; } = DateTimeOffset.MinValue;

    public int AnswerCount(string user) => _answers.TryGetValue(user, out var list) ? list.Count : 0;

    public int TagCount(string user, string tag) =>
        _tagCounts.TryGetValue(user, out var tags) ? tags.GetValueOrDefault(tag) : 0;

    /// <summary>The user's answered questions and answers as one bag of terms (for the BM25 baseline).</summary>
    public IReadOnlyDictionary<string, int> Terms(string user) => _terms[user];

    public int Length(string user) => _lengths[user];

    /// <summary>The user's answer bodies alone as one bag of terms (the mixture study's answer-text evidence).</summary>
    public IReadOnlyDictionary<string, int> AnswerTerms(string user) => _answerTerms[user];

    public int AnswerLength(string user) => _answerLengths[user];

    public void Add(IEnumerable<SeAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            var question = dump.QuestionById[answer.QuestionId];
            if (!_answers.TryGetValue(answer.OwnerId, out var list))
            {
                _answers[answer.OwnerId] = list = [];
                _tagCounts[answer.OwnerId] = new Dictionary<string, int>(StringComparer.Ordinal);
                _terms[answer.OwnerId] = new Dictionary<string, int>(StringComparer.Ordinal);
                _lengths[answer.OwnerId] = 0;
                _answerTerms[answer.OwnerId] = new Dictionary<string, int>(StringComparer.Ordinal);
                _answerLengths[answer.OwnerId] = 0;
            }

            list.Add(answer);
            TotalAnswers++;
            LatestAt = answer.At > LatestAt ? answer.At : LatestAt;
            foreach (var tag in question.Tags)
            {
                _tagCounts[answer.OwnerId][tag] = _tagCounts[answer.OwnerId].GetValueOrDefault(tag) + 1;
            }

            var terms = _terms[answer.OwnerId];
            foreach (var term in TextTokenizer.Tokenize(question.Title + " " + question.Body + " " + answer.Body))
            {
                terms[term] = terms.GetValueOrDefault(term) + 1;
                _lengths[answer.OwnerId]++;
            }

            var answerTerms = _answerTerms[answer.OwnerId];
            foreach (var term in TextTokenizer.Tokenize(answer.Body))
            {
                answerTerms[term] = answerTerms.GetValueOrDefault(term) + 1;
                _answerLengths[answer.OwnerId]++;
            }

            changed.Add(answer.OwnerId);
        }

        if (changed.Count > 0)
        {
            Index = Index.WithProfiles(changed.Select(Profile));
        }
    }

    /// <summary>Replaces the index (e.g. with one built from Table Storage out of the same profiles).</summary>
    public void UseIndex(ExpertIndex index) => Index = index;

    public ExpertProfile Profile(string user) => ProfileFactory.Create(user, _answers[user], dump.QuestionById);
}

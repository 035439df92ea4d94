using CopBot.Community;

namespace CopBot.RoutingEval;

/// <summary>
/// Turns a user's answers into an <see cref="ExpertProfile"/> as the import format would hold it: history = the
/// questions they answered (most recent <see cref="ProfileLimits.MaxHistoryItems"/>, text within limits), skills =
/// the tags they answered with, answer counts mapped to levels.
/// </summary>
public static class ProfileFactory
{
    public const string Community = "stackexchange";

    public static ExpertProfile Create(string userId, IReadOnlyList<SeAnswer> answers, IReadOnlyDictionary<int, SeQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(questions);
        var history = answers
            .OrderByDescending(a => a.At).Take(ProfileLimits.MaxHistoryItems).Reverse()
            .Select(a => ToHistory(questions[a.QuestionId], a))
            .ToList();
        var skills = answers
            .SelectMany(a => questions[a.QuestionId].Tags.Take(ProfileLimits.MaxHistoryTags))
            .GroupBy(t => t, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(ProfileLimits.MaxSkills)
            .Select(g => new Skill(g.Key, Level(g.Count())))
            .ToList();
        return new ExpertProfile(Community, userId, "SE user " + userId, skills, [CommunityRole.Expert])
        {
            History = history,
        };
    }

    public static int Level(int answers) => answers switch
    {
        >= 10 => 5,
        >= 5 => 4,
        >= 3 => 3,
        2 => 2,
        _ => 1,
    };

    private static AnsweredQuestion ToHistory(SeQuestion question, SeAnswer answer)
    {
        var text = question.Body + "\n\n" + answer.Body;
        if (text.Length > ProfileLimits.MaxHistoryTextLength)
        {
            text = text[..ProfileLimits.MaxHistoryTextLength];
        }

        var title = question.Title.Length > ProfileLimits.MaxHistoryTitleLength
            ? question.Title[..ProfileLimits.MaxHistoryTitleLength]
            : question.Title;
        return new AnsweredQuestion(title, text, [.. question.Tags.Take(ProfileLimits.MaxHistoryTags).Select(Skill.NormalizeTag)], answer.At);
    }
}

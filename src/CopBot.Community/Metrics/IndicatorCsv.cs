using System.Globalization;
using System.Text;

namespace CopBot.Community;

/// <summary>
/// The indicators as CSV in long form (<c>section,name,value</c>), so lists of any length (contributors, gaps) fit one
/// table that spreadsheets pivot easily. Values are invariant-culture; text is quoted when needed.
/// </summary>
public static class IndicatorCsv
{
    public static string Write(CommunityIndicators indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var csv = new StringBuilder("section,name,value\n");
        void Row(string section, string name, object? value) =>
            csv.Append(Field(section)).Append(',').Append(Field(name)).Append(',')
               .Append(Field(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)).Append('\n');

        Row("period", "community", indicators.Community);
        Row("period", "from", indicators.From.ToString("O", CultureInfo.InvariantCulture));
        Row("period", "to", indicators.To.ToString("O", CultureInfo.InvariantCulture));
        Row("members", "members", indicators.Members);
        Row("members", "experts", indicators.Experts);
        Row("members", "active_contributors", indicators.ActiveContributors);
        Row("participation", "contributing", indicators.Participation.Contributing);
        Row("participation", "asking_only", indicators.Participation.AskingOnly);
        Row("participation", "silent", indicators.Participation.Silent);
        foreach (var modality in indicators.RequestsByModality)
        {
            Row("requests_by_modality", modality.Name, modality.Count);
        }

        Row("requests", "reviews_completed", indicators.ReviewsCompleted);
        Row("requests", "total", indicators.Requests);
        Row("requests", "answered", indicators.Answered);
        Row("requests", "answer_rate", Math.Round(indicators.AnswerRate, 4));
        Row("requests", "median_hours_to_first_answer", indicators.MedianTimeToFirstAnswer is { } median ? Math.Round(median.TotalHours, 2) : null);
        Row("requests", "answered_from_knowledge_base", indicators.AnsweredFromKnowledgeBase);
        Row("knowledge", "entries_published", indicators.KnowledgeEntriesPublished);
        foreach (var gap in indicators.Gaps)
        {
            Row("gap_unanswered_requests", gap.Topic, gap.Unanswered);
        }

        foreach (var contributor in indicators.TopContributors)
        {
            Row("top_contributor_answers", contributor.Name, contributor.Count);
        }

        return csv.ToString();
    }

    // RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs a member's name as a formula.
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}

using System.Globalization;
using System.Text;
using CopBot.Cards;
using CopBot.Community;

namespace CopBot.Features.Synthesis;

/// <summary>Maps stored syntheses to the cards' view records, and writes the editable key-points text.</summary>
internal static class SynthesisCards
{
    public const int CreditedNamesPerPoint = 3;

    public static AdaptiveCard Draft(SynthesisRecord record) =>
        SynthesisDraftCard.Build(new SynthesisDraftView(
            Common(record, record.Draft.Resources, record.Draft.Disagreements, record.Draft.OpenQuestions, record.Draft.Contributors, record.Draft.Statistics),
            record.Version,
            record.Draft.Synopsis,
            KeyPointsText(record.Draft),
            string.Join('\n', record.Draft.NextSteps.Select(p => p.Text)),
            record.Draft.Engine));

    public static ConsolidatedReplyView Reply(SynthesisRecord record)
    {
        var reply = record.Reply ?? throw new InvalidOperationException($"Synthesis of {record.RequestId} has no published reply.");
        return new ConsolidatedReplyView(
            Common(record, reply.Resources, reply.Disagreements, reply.OpenQuestions, reply.Contributors, reply.Statistics),
            record.FacilitatorName,
            reply.Synopsis,
            [.. reply.Themes.Select(t => new SynthesisThemeView(t.Label, t.Points))],
            reply.NextSteps);
    }

    /// <summary>"Theme" lines, each followed by its "- point (who)" lines: what the facilitator edits.</summary>
    public static string KeyPointsText(SynthesisDraft draft)
    {
        var names = draft.Contributors.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var theme in draft.Themes)
        {
            text.Append(text.Length == 0 ? "" : "\n").Append(theme.Label).Append('\n');
            foreach (var point in theme.Points)
            {
                text.Append("- ").Append(point.Text);
                var credits = Credits(point, names);
                text.Append(credits.Length == 0 ? "" : $" ({credits})").Append('\n');
            }
        }

        return text.ToString().TrimEnd();
    }

    private static SynthesisCommonView Common(
        SynthesisRecord record,
        IReadOnlyList<Resource> resources,
        IReadOnlyList<KeyPoint> disagreements,
        IReadOnlyList<KeyPoint> questions,
        IReadOnlyList<ContributorCredit> contributors,
        SynthesisStatistics statistics)
    {
        var names = contributors.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        return new SynthesisCommonView(
            record.RequestId,
            record.Modality,
            record.Draft.RequestText,
            [.. resources.Select(r => new SynthesisPointView(r.Url, Names(r.ContributorIds, names)))],
            [.. disagreements.Select(p => new SynthesisPointView(p.Text, Credits(p, names)))],
            [.. questions.Select(p => new SynthesisPointView(p.Text, Credits(p, names)))],
            [.. contributors.Select(c => c.Organization is { Length: > 0 } o ? $"{c.Name} ({o})" : c.Name)],
            Statistics(statistics));
    }

    private static string Credits(KeyPoint point, IReadOnlyDictionary<string, string> names) => Names(point.ContributorIds, names);

    private static string Names(IReadOnlyList<string> ids, IReadOnlyDictionary<string, string> names)
    {
        var shown = string.Join(", ", ids.Take(CreditedNamesPerPoint).Select(id => names.GetValueOrDefault(id, id)));
        return ids.Count > CreditedNamesPerPoint ? $"{shown} and {ids.Count - CreditedNamesPerPoint} others" : shown;
    }

    private static List<Fact> Statistics(SynthesisStatistics statistics) =>
    [
        new("Contributions", statistics.Contributions.ToString(CultureInfo.InvariantCulture)),
        new("People", statistics.People.ToString(CultureInfo.InvariantCulture)),
        new("Organisations", statistics.Organizations.ToString(CultureInfo.InvariantCulture)),
        new("Time to first answer", statistics.TimeToFirstContribution is { } t ? Duration(t) : "no answer yet"),
    ];

    public static string Duration(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => "under a minute",
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min"),
        { TotalDays: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} d {span.Hours} h"),
    };
}

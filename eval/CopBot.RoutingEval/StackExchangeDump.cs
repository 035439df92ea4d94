using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml;

namespace CopBot.RoutingEval;

public sealed record SeQuestion(int Id, DateTimeOffset At, string? OwnerId, string Title, string Body, IReadOnlyList<string> Tags);

public sealed record SeAnswer(int Id, int QuestionId, DateTimeOffset At, string OwnerId, string Body);

/// <summary>Questions and answers of a Stack Exchange dump's Posts.xml, with HTML reduced to plain text.</summary>
public sealed partial class StackExchangeDump
{
    private StackExchangeDump(IReadOnlyList<SeQuestion> questions, IReadOnlyList<SeAnswer> answers)
    {
        Questions = questions;
        Answers = answers;
        QuestionById = questions.ToDictionary(q => q.Id);
    }

    /// <summary>Ordered by creation time.</summary>
    public IReadOnlyList<SeQuestion> Questions { get; }

    /// <summary>Answers with a known author whose question is in the dump, ordered by creation time.</summary>
    public IReadOnlyList<SeAnswer> Answers { get; }

    public IReadOnlyDictionary<int, SeQuestion> QuestionById { get; }

    public static StackExchangeDump Load(string folder)
    {
        var questions = new List<SeQuestion>();
        var answers = new List<SeAnswer>();
        using var reader = XmlReader.Create(Path.Combine(folder, "Posts.xml"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Name != "row")
            {
                continue;
            }

            var id = int.Parse(reader.GetAttribute("Id")!, CultureInfo.InvariantCulture);
            var at = DateTimeOffset.Parse(reader.GetAttribute("CreationDate")!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            var owner = reader.GetAttribute("OwnerUserId");
            var body = PlainText(reader.GetAttribute("Body") ?? "");
            switch (reader.GetAttribute("PostTypeId"))
            {
                case "1":
                    var tags = TagPattern().Matches(reader.GetAttribute("Tags") ?? "").Select(m => m.Groups[1].Value).ToList();
                    questions.Add(new SeQuestion(id, at, owner, WebUtility.HtmlDecode(reader.GetAttribute("Title") ?? ""), body, tags));
                    break;
                case "2" when owner is not null:
                    answers.Add(new SeAnswer(id, int.Parse(reader.GetAttribute("ParentId")!, CultureInfo.InvariantCulture), at, owner, body));
                    break;
            }
        }

        var ids = questions.Select(q => q.Id).ToHashSet();
        return new StackExchangeDump(
            [.. questions.OrderBy(q => q.At).ThenBy(q => q.Id)],
            [.. answers.Where(a => ids.Contains(a.QuestionId)).OrderBy(a => a.At).ThenBy(a => a.Id)]);
    }

    private static string PlainText(string html) =>
        WebUtility.HtmlDecode(SpacePattern().Replace(HtmlTagPattern().Replace(html, " "), " ")).Trim();

    [GeneratedRegex("<([^>]+)>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex HtmlTagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacePattern();
}

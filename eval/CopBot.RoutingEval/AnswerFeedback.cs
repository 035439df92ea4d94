using System.Globalization;
using System.Xml;

namespace CopBot.RoutingEval;

/// <summary>
/// Votes and acceptance of each answer from Posts.xml (not in <see cref="StackExchangeDump"/>). The dump holds their
/// final values, not when they were given: a study using them for earlier questions may see votes cast later.
/// </summary>
internal sealed class AnswerFeedback
{
    private readonly Dictionary<int, int> _scores = [];
    private readonly HashSet<int> _accepted = [];

    public int Score(int answerId) => _scores.GetValueOrDefault(answerId);

    public bool Accepted(int answerId) => _accepted.Contains(answerId);

    public static AnswerFeedback Load(string folder)
    {
        var feedback = new AnswerFeedback();
        using var reader = XmlReader.Create(Path.Combine(folder, "Posts.xml"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Name != "row")
            {
                continue;
            }

            var id = int.Parse(reader.GetAttribute("Id")!, CultureInfo.InvariantCulture);
            if (reader.GetAttribute("PostTypeId") == "2")
            {
                feedback._scores[id] = int.Parse(reader.GetAttribute("Score") ?? "0", CultureInfo.InvariantCulture);
            }
            else if (reader.GetAttribute("AcceptedAnswerId") is { } accepted)
            {
                feedback._accepted.Add(int.Parse(accepted, CultureInfo.InvariantCulture));
            }
        }

        return feedback;
    }
}

using System.Globalization;
using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Requests;

namespace CopBot.Features.Digest;

/// <summary>Formats a <see cref="CommunityDigest"/> for the digest card.</summary>
internal static class DigestCards
{
    public static AdaptiveCard Build(CommunityDigest digest, bool preview)
    {
        var inv = CultureInfo.InvariantCulture;
        var period = $"{digest.Period.From.ToString("d MMM yyyy HH:mm", inv)} – {digest.Period.To.ToString("d MMM yyyy HH:mm", inv)} UTC";
        return DigestCard.Build(new DigestView(
            digest.Community,
            period,
            [.. digest.Published.Select(p => new DigestLine(
                p.Title,
                $"{(p.Kind == KnowledgeKind.Deliverable ? "deliverable" : "consolidated reply")}{Credits(p.Contributors)}",
                p.Link))],
            [.. digest.NeedingHelp.Select(r => new DigestLine(
                r.Title,
                $"{r.Modality} by {r.RequesterName}, {r.CreatedAt.ToString("d MMM", inv)}: {r.Need}",
                ThreadLinks.For(r.Place)))],
            digest.NewMembers,
            [.. digest.NewExperts.Select(e => e.Topics.Count == 0 ? e.Name : $"{e.Name} ({string.Join(", ", e.Topics.Select(t => "#" + t))})")],
            [.. digest.TopContributors.Select(c => $"{c.Name}: {c.Count} {(c.Count == 1 ? "answer" : "answers")}")])
        {
            IsPreview = preview,
        });
    }

    private static string Credits(IReadOnlyList<string> contributors) => contributors.Count switch
    {
        0 => "",
        <= 3 => " crediting " + string.Join(", ", contributors),
        _ => $" crediting {string.Join(", ", contributors.Take(3))} and {contributors.Count - 3} more",
    };
}

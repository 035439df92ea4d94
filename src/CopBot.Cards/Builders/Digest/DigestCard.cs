namespace CopBot.Cards;

/// <summary>One item of a digest section: a title (linked to its thread when there is one) and a short detail.</summary>
public sealed record DigestLine(string Title, string Detail, Uri? Link);

/// <summary>The community digest, formatted by the host (the card knows no domain).</summary>
/// <param name="Period">E.g. "10 Mar 2025 – 17 Mar 2025".</param>
/// <param name="NewExperts">"Name (#topic, #topic)".</param>
/// <param name="Contributors">"Name: N answers", best first.</param>
public sealed record DigestView(
    string Community,
    string Period,
    IReadOnlyList<DigestLine> Published,
    IReadOnlyList<DigestLine> NeedingHelp,
    IReadOnlyList<string> NewMembers,
    IReadOnlyList<string> NewExperts,
    IReadOnlyList<string> Contributors)
{
    /// <summary>A facilitator's preview of the period so far, not the posted digest.</summary>
    public bool IsPreview { get; init; }
}

/// <summary>The periodic community digest posted in the channel, and the facilitators' preview of it.</summary>
public static class DigestCard
{
    public const int MaxLines = 8;
    public const int MaxNames = 20;

    public static AdaptiveCard Build(DigestView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement>
        {
            new TextBlock($"{(view.IsPreview ? "Digest preview" : "Community digest")}: {CardText.Escape(view.Community, 100)}") { Weight = FontWeight.Bolder, Size = TextSize.Medium, Wrap = true },
            new TextBlock(CardText.Escape(view.Period, 100) + (view.IsPreview ? " · preview, only you see it" : "")) { IsSubtle = true, Spacing = Spacing.None, Wrap = true },
        };
        Section(body, "New consolidated replies", view.Published);
        Section(body, "Open requests that need your help", view.NeedingHelp);
        if (view.NewMembers.Count + view.NewExperts.Count > 0)
        {
            body.Add(Heading("Welcome"));
            Names(body, "New members", view.NewMembers);
            Names(body, "New experts", view.NewExperts);
        }

        if (view.Contributors.Count > 0)
        {
            body.Add(Heading("Thank you, top contributors"));
            body.Add(new TextBlock(string.Join("\n", view.Contributors.Take(MaxLines).Select((c, i) => $"{i + 1}․ {CardText.Escape(c, 120)}"))) { Wrap = true, Spacing = Spacing.Small });
        }

        if (body.Count == 2)
        {
            body.Add(new TextBlock("Nothing to report yet: a quiet period posts no digest.") { Wrap = true });
        }

        return new AdaptiveCard { Body = body, FallbackText = $"Community digest, {CardText.Escape(view.Period, 100)}" };
    }

    private static TextBlock Heading(string title) =>
        new(title) { Weight = FontWeight.Bolder, Separator = true, Spacing = Spacing.Medium, Wrap = true };

    private static void Section(List<CardElement> body, string title, IReadOnlyList<DigestLine> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        body.Add(Heading(title));
        var shown = lines.Take(MaxLines).Select(l => $"• {Linked(CardText.Escape(l.Title, 150), l.Link)} · {CardText.Escape(l.Detail, 150)}");
        var more = lines.Count > MaxLines ? [$"… and {lines.Count - MaxLines} more"] : Array.Empty<string>();
        body.Add(new TextBlock(string.Join("\n", shown.Concat(more))) { Wrap = true, Spacing = Spacing.Small });
    }

    private static void Names(List<CardElement> body, string label, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return;
        }

        var more = names.Count > MaxNames ? $" and {names.Count - MaxNames} more" : "";
        body.Add(new TextBlock($"**{label}**: {string.Join(", ", names.Take(MaxNames).Select(n => CardText.Escape(n, 80)))}{more}") { Wrap = true, Spacing = Spacing.Small });
    }

    /// <summary>A markdown link for https thread links only; characters that could end the link early are encoded.</summary>
    internal static string Linked(string escapedText, Uri? link) =>
        link is { Scheme: "https" }
            ? $"[{escapedText}]({link.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal)})"
            : escapedText;
}

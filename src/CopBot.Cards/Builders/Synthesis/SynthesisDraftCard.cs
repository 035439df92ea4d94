namespace CopBot.Cards;

/// <summary>
/// The draft consolidated reply, sent 1:1 to the facilitator: the synopsis, key points and next steps are inputs to
/// edit; links, disagreements, open questions, credits and statistics are shown as computed. Publish / Discard.
/// </summary>
public static class SynthesisDraftCard
{
    public const int ContributorsShown = 40;

    public static AdaptiveCard Build(SynthesisDraftView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var common = view.Common;
        var data = new Dictionary<string, string>
        {
            [SynthesisCardKeys.RequestId] = common.RequestId,
            [SynthesisCardKeys.Version] = view.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var body = new List<CardElement>
        {
            new TextBlock("Draft consolidated reply") { Weight = FontWeight.Bolder, Size = TextSize.Medium, Color = TextColor.Accent },
            new TextBlock($"Drafted by the {CardText.Escape(view.Engine, 20)} engine. Edit, then publish it in the request's thread.") { IsSubtle = true, Wrap = true, Spacing = Spacing.Small },
        };
        body.AddRange(SynthesisBlocks.Request(common));
        body.Add(new TextInput(SynthesisCardKeys.Synopsis)
        {
            Label = "Synopsis",
            IsMultiline = true,
            IsRequired = true,
            ErrorMessage = "Write a synopsis.",
            MaxLength = SynthesisCardKeys.MaxSynopsisLength,
            Value = Clip(view.Synopsis, SynthesisCardKeys.MaxSynopsisLength),
        });
        body.Add(new TextInput(SynthesisCardKeys.KeyPoints)
        {
            Label = "Key points (a line per theme, then \"- point\" lines)",
            IsMultiline = true,
            MaxLength = SynthesisCardKeys.MaxKeyPointsLength,
            Value = Clip(view.KeyPointsText, SynthesisCardKeys.MaxKeyPointsLength),
        });
        body.Add(new TextInput(SynthesisCardKeys.NextSteps)
        {
            Label = "Next steps (one per line)",
            IsMultiline = true,
            MaxLength = SynthesisCardKeys.MaxNextStepsLength,
            Value = Clip(view.NextStepsText, SynthesisCardKeys.MaxNextStepsLength),
        });
        body.AddRange(SynthesisBlocks.Section("Resources and links", common.Resources));
        body.AddRange(SynthesisBlocks.Section("Disagreements", common.Disagreements));
        body.AddRange(SynthesisBlocks.Section("Open questions", common.OpenQuestions));
        body.Add(SynthesisBlocks.Heading("Contributors"));
        body.Add(new TextBlock(common.Contributors.Count == 0 ? "No contributions yet." : SynthesisBlocks.Names(common.Contributors, ContributorsShown)) { Wrap = true, Spacing = Spacing.Small });
        body.Add(SynthesisBlocks.Statistics(common));

        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                new ExecuteAction("Publish", SynthesisVerbs.Publish) { Data = data, Style = ActionStyle.Positive, AssociatedInputs = AssociatedInputs.Auto },
                new ExecuteAction("Discard", SynthesisVerbs.Discard) { Data = data, AssociatedInputs = AssociatedInputs.None },
            ],
            FallbackText = "Draft consolidated reply: " + CardText.Escape(common.RequestText, 200),
        };
    }

    // Inputs are not markdown, so their values are not escaped; they are only kept within the input's limit.
    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}

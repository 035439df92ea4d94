namespace CopBot.Cards;

/// <summary>One point with who made it, already shortened by the host ("Ana Lima, Omar Haddad and 3 others").</summary>
public sealed record SynthesisPointView(string Text, string Credits);

/// <summary>A theme of the published reply.</summary>
public sealed record SynthesisThemeView(string Label, IReadOnlyList<string> Points);

/// <summary>Parts shared by the draft and the published reply.</summary>
/// <param name="Statistics">Label and value pairs: contributions, people, organisations, time to first answer.</param>
public sealed record SynthesisCommonView(
    string RequestId,
    string Modality,
    string RequestText,
    IReadOnlyList<SynthesisPointView> Resources,
    IReadOnlyList<SynthesisPointView> Disagreements,
    IReadOnlyList<SynthesisPointView> OpenQuestions,
    IReadOnlyList<string> Contributors,
    IReadOnlyList<Fact> Statistics);

/// <summary>The facilitator's 1:1 draft: editable texts (key points as "Theme" lines and "- point" lines) and the rest.</summary>
public sealed record SynthesisDraftView(SynthesisCommonView Common, int Version, string Synopsis, string KeyPointsText, string NextStepsText, string Engine);

/// <summary>The consolidated reply as posted in the thread.</summary>
public sealed record ConsolidatedReplyView(
    SynthesisCommonView Common,
    string FacilitatorName,
    string Synopsis,
    IReadOnlyList<SynthesisThemeView> Themes,
    IReadOnlyList<string> NextSteps);

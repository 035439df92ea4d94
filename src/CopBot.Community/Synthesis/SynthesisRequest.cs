namespace CopBot.Community;

/// <summary>A person credited in a synthesis: who they are in the profile index and where they work.</summary>
public sealed record Contributor(string Id, string Name, string? Organization = null);

/// <summary>One contribution to a request: an expert's answer, a thread reply, a review comment.</summary>
public sealed record SynthesisContribution(string Id, Contributor Author, string Text, DateTimeOffset At);

/// <summary>
/// What synthesis reads, whatever the modality: a request and its contributions. Queries map to it today; discussions
/// and consultations only need to produce one of these to be synthesised the same way.
/// </summary>
/// <param name="Modality">"query", "discuss", "consult": shown on the card and stored with the synthesis.</param>
public sealed record SynthesisRequest(
    string Community,
    string Id,
    string Modality,
    string Text,
    Contributor Requester,
    DateTimeOffset At,
    IReadOnlyList<SynthesisContribution> Contributions);

using CopBot.Community;

namespace CopBot.Features.Synthesis;

/// <summary>What a modality gives synthesis: the request with its contributions, where its thread is, and how to close it.</summary>
public sealed record SynthesisSubject(SynthesisRequest Request, QueryPlace Place, bool IsClosed, IReadOnlyList<string> Topics);

/// <summary>
/// One modality's requests as synthesis sees them. Queries implement it today; discussions and consultations plug in
/// by registering their own source (the first source that knows an id answers for it).
/// </summary>
public interface ISynthesisSource
{
    /// <summary>The request, or null when this source does not know the id.</summary>
    Task<SynthesisSubject?> FindAsync(string community, string requestId, CancellationToken cancellationToken);

    /// <summary>Marks the request answered by the consolidated reply; closing a closed request changes nothing.</summary>
    Task CloseAsync(string community, string requestId, CancellationToken cancellationToken);
}

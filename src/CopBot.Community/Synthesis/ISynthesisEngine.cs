namespace CopBot.Community;

/// <summary>Drafts a consolidated reply from a request and its contributions.</summary>
public interface ISynthesisEngine
{
    Task<SynthesisDraft> SynthesizeAsync(SynthesisRequest request, CancellationToken cancellationToken);
}

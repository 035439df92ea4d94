namespace CopBot.Community;

public enum SynthesisStatus
{
    /// <summary>Sent to the facilitator to edit; nothing is public yet.</summary>
    Draft,

    /// <summary>The facilitator pressed Publish; the steps below run (and resume after a failure) until all are done.</summary>
    Publishing,

    Published,

    Discarded,
}

/// <summary>
/// One request's synthesis, from draft to published, stored as one row (partition community, row request id) so each
/// step is an ETag-guarded change and a retried Publish resumes where the last one stopped instead of redoing it.
/// </summary>
/// <param name="Version">Raised by each new draft: a Publish from an older draft card is refused.</param>
/// <param name="Place">The request's thread, where the reply is posted.</param>
public sealed record SynthesisRecord(
    string Community,
    string RequestId,
    string Modality,
    string FacilitatorId,
    string FacilitatorName,
    int Version,
    SynthesisDraft Draft,
    QueryPlace Place,
    DateTimeOffset DraftedAt)
{
    public SynthesisStatus Status { get; init; } = SynthesisStatus.Draft;

    /// <summary>The facilitator's 1:1 chat and the draft card in it, replaced once published or discarded.</summary>
    public string? DraftConversationId { get; init; }

    public string? DraftActivityId { get; init; }

    public ConsolidatedReply? Reply { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The summary card in the thread; set once posted, so a resumed publish never posts it twice.</summary>
    public string? ReplyActivityId { get; init; }

    public bool RequestClosed { get; init; }

    public bool ContributorsCredited { get; init; }

    public bool KnowledgeAdded { get; init; }

    public bool ContributorsNotified { get; init; }
}

namespace CopBot.Community;

/// <summary>The discussions, consultations and working groups the indicators count beside the queries.</summary>
public sealed record ModalityRecords(
    IReadOnlyCollection<Discussion> Discussions,
    IReadOnlyCollection<Consultation> Consultations,
    IReadOnlyCollection<WorkingGroup> WorkingGroups)
{
    public static ModalityRecords None { get; } = new([], [], []);

    /// <summary>Requests started in [from, to), per modality, in the order the modalities are listed to members.</summary>
    public IEnumerable<CountByName> CountsIn(DateTimeOffset from, DateTimeOffset to) =>
    [
        new("discuss", Discussions.Count(d => d.CreatedAt >= from && d.CreatedAt < to)),
        new("consult", Consultations.Count(c => c.CreatedAt >= from && c.CreatedAt < to)),
        new("collaborate", WorkingGroups.Count(g => g.CreatedAt >= from && g.CreatedAt < to)),
    ];

    /// <summary>Reviews first submitted in [from, to).</summary>
    public int ReviewsIn(DateTimeOffset from, DateTimeOffset to) =>
        Consultations.SelectMany(c => c.Reviewers).Count(r => r.State == ReviewerState.Reviewed && r.SubmittedAt is { } at && at >= from && at < to);
}

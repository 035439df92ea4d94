using CopBot.Community;
using CopBot.Features.Requests;

namespace CopBot.Features.Consult;

/// <summary>
/// For every open consultation: one reminder to the reviewers who have not reviewed, <see cref="ConsultOptions.RemindBefore"/>
/// the deadline, and the summary at the deadline (the shared <see cref="RequestDeadlines{T}"/> over <see cref="ConsultationLifecycle"/>).
/// </summary>
public sealed class ConsultDeadlineChecker(RequestDeadlines<Consultation> deadlines) : IDeadlineChecker
{
    public Task RunOnceAsync(CancellationToken cancellationToken) => deadlines.RunOnceAsync(cancellationToken);
}

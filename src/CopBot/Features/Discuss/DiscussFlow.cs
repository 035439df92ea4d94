using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using CopBot.Turns;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Discuss;

/// <summary>
/// <c>discuss &lt;topic&gt;</c> (a second line is the framing question) or the form: store the discussion, post the
/// topic card in the thread, register the thread so its replies count, invite the top-ranked members. Each step is
/// recorded before the next, so a redelivered command resumes what is missing instead of redoing it.
/// </summary>
public sealed class DiscussFlow(
    IExpertFinder finder,
    IDiscussionStore discussions,
    IRequestThreadIndex threads,
    PendingInvitations<Discussion> invitations,
    ThreadCardUpdates cards,
    ThreadPoster poster,
    IOptions<QueryOptions> community,
    IOptions<DiscussOptions> options,
    TimeProvider clock,
    ILogger<DiscussFlow> logger)
{
    public const string Modality = "discuss";

    public async Task StartAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (string.IsNullOrWhiteSpace(turn.Command.Argument))
        {
            await turn.ReplyAsync(Form(), "Open a discussion", cancellationToken);
            return;
        }

        var lines = turn.Command.Argument.Split('\n', 2, StringSplitOptions.TrimEntries);
        var framing = lines.Length > 1 && lines[1].Length > 0 ? lines[1] : null;
        var error = Validate(lines[0], framing);
        if (error is not null)
        {
            await turn.ReplyAsync(error, cancellationToken);
            return;
        }

        await OpenAsync(turn, lines[0], framing, clock.GetUtcNow() + options.Value.DefaultDuration, turn.Activity.Id ?? string.Empty, cancellationToken);
    }

    /// <summary>The form's Open button: the form becomes a confirmation, the discussion lives in the same thread.</summary>
    public async Task<CardActionResult> OpenFromFormAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var topic = action.GetString(DiscussCardKeys.Topic)?.Trim() ?? string.Empty;
        var framing = action.GetString(DiscussCardKeys.FramingQuestion)?.Trim() is { Length: > 0 } f ? f : null;
        var error = Validate(topic, framing);
        var closesAt = clock.GetUtcNow() + options.Value.DefaultDuration;
        if (error is null && action.GetString(DiscussCardKeys.ClosesOn) is { Length: > 0 } date)
        {
            (closesAt, error) = ParseClosingDate(date, null);
        }

        if (error is not null)
        {
            return CardActionResult.Replace(Form(error));
        }

        await OpenAsync(turn, topic, framing, closesAt, action.CardActivityId ?? turn.Activity.Id ?? string.Empty, cancellationToken);
        return CardActionResult.Replace(NoticeCard.Build("Discussion opened", topic, NoticeKind.Info));
    }

    public static Task<CardActionResult> CancelFormAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken) =>
        Task.FromResult(CardActionResult.Replace(NoticeCard.Build("Cancelled", "Nothing was opened. Type discuss when you are ready.", NoticeKind.Info)));

    /// <summary>A yyyy-MM-dd closing date (see <see cref="ClosingDates"/>).</summary>
    public (DateTimeOffset ClosesAt, string? Error) ParseClosingDate(string text, DateTimeOffset? notBefore) =>
        ClosingDates.Parse(text, clock.GetUtcNow(), options.Value.MaxDuration, notBefore);

    private AdaptiveCard Form(string? error = null)
    {
        var (earliest, latest) = ClosingDates.Range(clock.GetUtcNow(), options.Value.MaxDuration);
        return DiscussionFormCard.Build(earliest, latest, error);
    }

    private static string? Validate(string topic, string? framing) =>
        topic.Length == 0 ? "Write the topic of the discussion first."
        : topic.Length > Discussion.MaxTopicLength ? $"Keep the topic under {Discussion.MaxTopicLength} characters; put the detail in the framing question (a second line)."
        : framing is { Length: > Discussion.MaxFramingLength } ? $"Keep the framing question under {Discussion.MaxFramingLength} characters."
        : null;

    private async Task OpenAsync(TurnContext turn, string topic, string? framing, DateTimeOffset closesAt, string requestActivityId, CancellationToken cancellationToken)
    {
        var discussion = await CreateOrResumeAsync(turn, topic, framing, closesAt, requestActivityId, cancellationToken);
        await threads.RegisterAsync(new RequestThread(discussion.Place.ConversationId, Modality, discussion.Community, discussion.Id), cancellationToken);
        if (discussion.TopicCardActivityId is null)
        {
            var cardId = await poster.PostCardAsync(discussion.Place, DiscussCards.Topic(discussion, clock.GetUtcNow(), options.Value.MaxDuration), "Discussion opened", cancellationToken);
            discussion = await discussions.UpdateAsync(discussion.Community, discussion.Id, d => d with { TopicCardActivityId = cardId }, cancellationToken) ?? discussion;
        }

        discussion = await invitations.InvitePendingAsync(discussion, cancellationToken);
        if (!discussion.InvitationsSent)
        {
            discussion = await discussions.UpdateAsync(discussion.Community, discussion.Id, d => d with { InvitationsSent = true }, cancellationToken) ?? discussion;
        }

        await cards.RedrawAsync(Modality, discussion, cancellationToken);
        DiscussLog.Opened(logger, discussion.Id, discussion.Invitees.Count);
    }

    /// <summary>What routing reads of a discussion: its topic and framing question.</summary>
    public static QueryText RequestText(string topic, string? framing) => QueryText.Parse(framing is null ? topic : topic + "\n" + framing);

    private async Task<Discussion> CreateOrResumeAsync(TurnContext turn, string topic, string? framing, DateTimeOffset closesAt, string requestActivityId, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var requester = activity.From!;
        var name = community.Value.Community;
        var text = RequestText(topic, framing);
        var search = await finder.FindAsync(name, text, requester.Id!, options.Value.InviteCount, cancellationToken);
        var place = ThreadLinks.PlaceOf(activity, requestActivityId);
        var discussion = new Discussion(
            name,
            RequestIds.From("d-", place.ChannelId, place.ConversationId, place.QuestionActivityId),
            topic,
            framing,
            [.. text.Tags.Union(search.Topics, StringComparer.Ordinal)],
            place,
            requester.Id!,
            requester.Name ?? "A member",
            clock.GetUtcNow(),
            closesAt,
            [.. search.Matches.Select(m => new DiscussionInvitee(m.ExpertId, m.Name, m.Why) { AadObjectId = m.AadObjectId })]);
        var (stored, _) = await discussions.CreateAsync(discussion, cancellationToken);
        return stored;
    }
}

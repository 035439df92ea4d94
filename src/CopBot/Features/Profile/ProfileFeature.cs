using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Protocol;
using CopBot.Turns;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Profile;

/// <summary>
/// <c>profile</c>: the member's own profile card, editable in place. A save goes to Table Storage and straight
/// into this instance's routing index, so the next question already sees it (other instances at their refresh).
/// </summary>
public sealed class ProfileFeature(
    IProfileStore profiles, MemberProfiles members, IContributionCreditStore credits, ExpertIndexHolder index, IOptions<QueryOptions> options, TimeProvider clock) : IBotFeature
{
    public IEnumerable<TurnRoute> Routes =>
        [new("profile", t => t.Activity.Type == ActivityTypes.Message && t.CardActionRequest is null && t.Command.Is("profile"), ShowAsync)];

    public IEnumerable<CardActionRoute> CardActions => [new(ProfileCardKeys.SaveVerb, SaveAsync)];

    private async Task ShowAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var profile = await FindAsync(turn.Activity.From!, cancellationToken);
        await turn.ReplyAsync(ProfileCard.Build(await WithCreditsAsync(View(profile, turn.Activity.From!, clock.GetUtcNow()), profile, cancellationToken)), "Your profile", cancellationToken);
    }

    private async Task<CardActionResult> SaveAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var member = turn.Activity.From!;
        var existing = await FindAsync(member, cancellationToken);
        var now = clock.GetUtcNow();
        var (fields, problem) = ProfileForm.Read(action.GetText, DateOnly.FromDateTime(now.UtcDateTime));
        if (fields is null)
        {
            return CardActionResult.Replace(ProfileCard.Build(View(existing, member, now), problem));
        }

        var roles = existing?.Roles ?? (fields.Skills.Count > 0 ? [CommunityRole.Member, CommunityRole.Expert] : [CommunityRole.Member]);
        var saved = (existing ?? new ExpertProfile(options.Value.Community, member.Id!, member.Name ?? "Member", [], roles) { AadObjectId = member.AadObjectId }) with
        {
            Skills = fields.Skills,
            Bio = fields.Bio,
            Languages = fields.Languages,
            Location = fields.Location,
            Organization = fields.Organization,
            BusyUntil = fields.BusyUntil,
            MaxOpenRequests = fields.MaxOpenRequests ?? existing?.MaxOpenRequests ?? ExpertProfile.DefaultMaxOpenRequests,
        };
        await profiles.UpsertAsync(saved, cancellationToken);

        // The routing index of this instance sees the change at once (availability included); other instances at their refresh.
        index.Apply([saved]);
        return CardActionResult.Replace(ProfileCard.Build(await WithCreditsAsync(View(saved, member, now), saved, cancellationToken), SavedMessage(saved, now)));
    }

    // Published syntheses credit the member by profile id: the profile shows them (the "contributions" of seed 001).
    private async Task<ProfileView> WithCreditsAsync(ProfileView view, ExpertProfile? profile, CancellationToken cancellationToken) =>
        profile is null ? view : view with { CreditedIn = [.. (await credits.ListAsync(profile.Community, profile.Id, cancellationToken)).Select(c => c.Title)] };

    private Task<ExpertProfile?> FindAsync(ChannelAccount member, CancellationToken cancellationToken) =>
        members.FindAsync(options.Value.Community, member, cancellationToken);

    private static string SavedMessage(ExpertProfile saved, DateTimeOffset now) =>
        saved.IsBusyAt(now) ? $"Saved. No request reaches you before {saved.BusyUntil!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}."
        : saved.MaxOpenRequests == 0 ? "Saved. No request (question, discussion, review or working group) reaches you while open requests are set to 0."
        : "Saved. Requests on these topics can now reach you.";

    // A busy-until date that has passed shows as available: routing ignores it too.
    private static ProfileView View(ExpertProfile? profile, ChannelAccount member, DateTimeOffset now) => profile is null
        ? new ProfileView(member.Name ?? "Member", [], null, [], null, null, Exists: false)
        : new ProfileView(profile.Name, [.. profile.Skills.Select(s => (s.Tag, s.Level))], profile.Bio, profile.Languages, profile.Location, profile.Organization, Exists: true)
        {
            BusyUntil = profile.IsBusyAt(now) ? DateOnly.FromDateTime(profile.BusyUntil!.Value.UtcDateTime) : null,
            MaxOpenRequests = profile.MaxOpenRequests,
        };
}

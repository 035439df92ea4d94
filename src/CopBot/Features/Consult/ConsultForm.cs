using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Requests;
using CopBot.Turns;

namespace CopBot.Features.Consult;

/// <summary>A consultation as submitted on the form, validated; named reviewers resolved against the profiles.</summary>
public sealed record ConsultationDraft(string Title, Uri Document, IReadOnlyList<string> Questions, DateTimeOffset Deadline, IReadOnlyList<ExpertProfile> NamedReviewers);

/// <summary>Reads and checks the form: every problem is reported on the form itself, and nothing is stored until it is right.</summary>
public sealed class ConsultForm(IProfileStore profiles, TimeProvider clock)
{
    public const int MaxNamedReviewers = 10;

    public AdaptiveCard Blank(string? title, TimeSpan maxDuration)
    {
        var (earliest, latest) = ClosingDates.Range(clock.GetUtcNow(), maxDuration);
        return ConsultationFormCard.Build(new ConsultationFormView(earliest, latest) { Title = title });
    }

    public async Task<(ConsultationDraft? Draft, AdaptiveCard? FormWithError)> ReadAsync(CardActionRequest action, string community, TimeSpan maxDuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var now = clock.GetUtcNow();
        var title = action.GetString(ConsultCardKeys.Title)?.Trim() ?? "";
        var link = action.GetString(ConsultCardKeys.Document)?.Trim() ?? "";
        var questions = Enumerable.Range(1, ConsultationFormCard.QuestionSlots)
            .Select(i => action.GetString(ConsultCardKeys.Question(i))?.Trim())
            .Where(q => !string.IsNullOrEmpty(q)).Select(q => q!).ToList();
        var deadlineText = action.GetString(ConsultCardKeys.Deadline);
        var reviewersText = action.GetString(ConsultCardKeys.Reviewers)?.Trim();
        var (earliest, latest) = ClosingDates.Range(now, maxDuration);
        AdaptiveCard Again(string error) => ConsultationFormCard.Build(new ConsultationFormView(earliest, latest)
        {
            Title = title, Document = link, Questions = questions, Reviewers = reviewersText, Error = error,
            Deadline = DateOnly.TryParse(deadlineText, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null,
        });

        if (title.Length is 0 or > Consultation.MaxTitleLength)
        {
            return (null, Again($"Give a title (up to {Consultation.MaxTitleLength} characters)."));
        }

        if (!Uri.TryCreate(link, UriKind.Absolute, out var document) || (document.Scheme != Uri.UriSchemeHttps && document.Scheme != Uri.UriSchemeHttp))
        {
            return (null, Again("Give the link to the document as a full web address (https://…)."));
        }

        if (questions.Count == 0 || questions.Any(q => q.Length > Consultation.MaxQuestionLength))
        {
            return (null, Again($"Ask at least one question, each up to {Consultation.MaxQuestionLength} characters."));
        }

        var (deadline, dateError) = ClosingDates.Parse(deadlineText, now, maxDuration);
        if (dateError is not null)
        {
            return (null, Again("Deadline: " + dateError));
        }

        var (named, unknown) = await ResolveReviewersAsync(community, reviewersText, cancellationToken);
        if (unknown.Count > 0)
        {
            return (null, Again($"I could not find {string.Join(", ", unknown)} among the community's profiles. Check the spelling or use their e-mail."));
        }

        return named.Count > MaxNamedReviewers
            ? (null, Again($"Name at most {MaxNamedReviewers} reviewers."))
            : (new ConsultationDraft(title, document, questions, deadline, named), null);
    }

    private async Task<(List<ExpertProfile> Found, List<string> Unknown)> ResolveReviewersAsync(string community, string? text, CancellationToken cancellationToken)
    {
        var found = new List<ExpertProfile>();
        var unknown = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return (found, unknown);
        }

        var everyone = await profiles.ListAsync(community, cancellationToken);
        foreach (var named in text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var profile = named.Contains('@', StringComparison.Ordinal)
                ? await profiles.FindByEmailAsync(community, named, cancellationToken)
                : everyone.FirstOrDefault(p => string.Equals(p.Name, named, StringComparison.OrdinalIgnoreCase));
            if (profile is null)
            {
                unknown.Add(named);
            }
            else if (found.All(f => f.Id != profile.Id))
            {
                found.Add(profile);
            }
        }

        return (found, unknown);
    }
}

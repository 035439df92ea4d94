namespace CopBot.Cards;

/// <summary>
/// The member's profile (what decides which questions reach them) with an Edit panel. Skills are edited as
/// "topic:level" pairs, e.g. "cash transfers:5, targeting:3", which reads naturally and needs no dynamic inputs.
/// </summary>
public static class ProfileCard
{
    /// <summary>Titles of consolidated replies listed under the count; the count covers them all.</summary>
    public const int MaxCreditsShown = 5;

    public static AdaptiveCard Build(ProfileView view, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement>
        {
            new TextBlock(view.Exists ? $"Profile of {CardText.Escape(view.Name, 100)}" : "You have no profile yet") { Weight = FontWeight.Bolder, Size = TextSize.Medium, Wrap = true },
        };
        if (!string.IsNullOrWhiteSpace(message))
        {
            body.Add(new TextBlock(CardText.Escape(message, 300)) { Wrap = true, Color = TextColor.Accent });
        }

        body.Add(view.Exists
            ? new FactSet(
            [
                new Fact("Topics", view.Skills.Count == 0 ? "none yet" : string.Join(", ", view.Skills.Select(s => $"{CardText.Escape(s.Tag, 64)} ({s.Level})"))),
                new Fact("Organisation", CardText.Escape(view.Organization ?? "—", 200)),
                new Fact("Location", CardText.Escape(view.Location ?? "—", 200)),
                new Fact("Languages", view.Languages.Count == 0 ? "—" : CardText.Escape(string.Join(", ", view.Languages), 300)),
                new Fact("Availability", Availability(view)),
            ])
            : new TextBlock("Add the topics you know, so questions on them reach you.") { Wrap = true, IsSubtle = true });
        if (view.Exists && !string.IsNullOrWhiteSpace(view.Bio))
        {
            body.Add(new TextBlock(CardText.Escape(view.Bio, 1000)) { Wrap = true, IsSubtle = true });
        }

        if (view.CreditedIn.Count > 0)
        {
            body.Add(new TextBlock($"Credited in {view.CreditedIn.Count} consolidated repl{(view.CreditedIn.Count == 1 ? "y" : "ies")}") { Weight = FontWeight.Bolder, Spacing = Spacing.Medium });
            body.AddRange(view.CreditedIn.Take(MaxCreditsShown).Select(t => new TextBlock("• " + CardText.Escape(t, 150)) { Wrap = true, IsSubtle = true, Spacing = Spacing.None }));
        }

        var form = new AdaptiveCard
        {
            Body =
            [
                new TextInput(ProfileCardKeys.Skills) { Label = "Topics and level 1–5 (topic:level, comma separated)", Value = Cap(string.Join(", ", view.Skills.Select(s => $"{s.Tag}:{s.Level}")), 2000), Placeholder = "cash transfers:5, targeting:3", MaxLength = 2000 },
                new TextInput(ProfileCardKeys.Organization) { Label = "Organisation", Value = Cap(view.Organization, 200), MaxLength = 200 },
                new TextInput(ProfileCardKeys.Location) { Label = "Location", Value = Cap(view.Location, 200), MaxLength = 200 },
                new TextInput(ProfileCardKeys.Languages) { Label = "Languages (comma separated)", Value = Cap(string.Join(", ", view.Languages), 500), MaxLength = 500 },
                new TextInput(ProfileCardKeys.Bio) { Label = "About you", Value = Cap(view.Bio, 4000), IsMultiline = true, MaxLength = 4000 },
                new DateInput(ProfileCardKeys.BusyUntil) { Label = "Busy or out of office until (leave empty when available)", Value = view.BusyUntil },
                new NumberInput(ProfileCardKeys.MaxOpenRequests)
                {
                    Label = $"Open requests at a time (0–{ProfileCardKeys.MaxOpenRequestsLimit}; 0 = ask me nothing)",
                    Min = 0,
                    Max = ProfileCardKeys.MaxOpenRequestsLimit,
                    Value = view.MaxOpenRequests,
                },
            ],
            Actions = [new ExecuteAction("Save", ProfileCardKeys.SaveVerb) { Style = ActionStyle.Positive }],
        };
        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ShowCardAction(view.Exists ? "Edit" : "Create my profile", form)],
            FallbackText = "Your CopBot profile",
        };
    }

    private static string Availability(ProfileView view)
    {
        var load = view.MaxOpenRequests == 0 ? "takes no requests" : $"up to {view.MaxOpenRequests} open request{(view.MaxOpenRequests == 1 ? "" : "s")}";
        return view.BusyUntil is { } until
            ? $"Busy until {until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} · {load}"
            : $"Available · {load}";
    }

    // Inputs show what was stored as is (it is the member's own text, not rendered as markdown), but never more than they accept.
    private static string? Cap(string? value, int max) => value is { Length: > 0 } && value.Length > max ? value[..max] : value;
}

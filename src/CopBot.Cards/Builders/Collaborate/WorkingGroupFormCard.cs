using System.Globalization;

namespace CopBot.Cards;

/// <summary>The working-group form: goal, deliverable, deadline and how many people per role.</summary>
public static class WorkingGroupFormCard
{
    public static AdaptiveCard Build(DateOnly earliest, DateOnly latest, string? goal = null, string? error = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock("Form a working group") { Weight = FontWeight.Bolder, Size = TextSize.Medium },
        };
        if (!string.IsNullOrWhiteSpace(error))
        {
            body.Add(new TextBlock(CardText.Escape(error, 300)) { Wrap = true, Color = TextColor.Attention });
        }

        body.Add(new TextInput(CollaborateCardKeys.Goal) { Label = "Goal", MaxLength = 500, Value = goal, Placeholder = "Write down how we run shock-responsive cash transfers" });
        body.Add(new TextInput(CollaborateCardKeys.Deliverable) { Label = "Deliverable", MaxLength = 300, Placeholder = "A 10-page guidance note" });
        body.Add(new DateInput(CollaborateCardKeys.Deadline) { Label = "Deadline", Min = earliest, Max = latest });
        var counts = Enumerable.Range(0, 6).Select(i => new Choice(i.ToString(CultureInfo.InvariantCulture), i.ToString(CultureInfo.InvariantCulture))).ToList();
        foreach (var role in CollaborateCardKeys.Roles)
        {
            body.Add(new ChoiceSetInput(CollaborateCardKeys.RoleCount(role), counts)
            {
                Label = $"People needed as {role}",
                Style = ChoiceInputStyle.Compact,
                Value = role == "expert" ? "2" : role == "coordinator" ? "1" : "0",
            });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                new ExecuteAction("Form the group", CollaborateVerbs.Submit) { Style = ActionStyle.Positive },
                new ExecuteAction("Cancel", CollaborateVerbs.CancelForm) { AssociatedInputs = AssociatedInputs.None },
            ],
            FallbackText = "Form a working group: fill in the form.",
        };
    }
}

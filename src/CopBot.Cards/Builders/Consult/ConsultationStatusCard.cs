using System.Globalization;

namespace CopBot.Cards;

/// <summary>Posted in the requester's thread: reviews received / invited and time left; updated in place.</summary>
public static class ConsultationStatusCard
{
    public static AdaptiveCard Build(ConsultationStatusView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var facts = new List<Fact>
        {
            new("Requested by", CardText.Escape(view.RequesterName, 100)),
            new("Reviews", $"{view.ReviewsReceived} received / {view.ReviewersInvited} invited" + (view.Declined > 0 ? $" ({view.Declined.ToString(CultureInfo.InvariantCulture)} declined)" : "")),
            new("Deadline", view.Deadline),
            new("Time left", view.TimeLeft),
            new("Status", CardText.Escape(view.Status, 60)),
        };
        var body = new List<CardElement>
        {
            new TextBlock("Consultation") { Weight = FontWeight.Bolder, Size = TextSize.Medium, Color = TextColor.Accent },
            new TextBlock(CardText.Escape(view.Title, 300)) { Wrap = true, Weight = FontWeight.Bolder },
            new FactSet(facts),
        };
        if (!string.IsNullOrWhiteSpace(view.Note))
        {
            body.Add(new TextBlock(CardText.Escape(view.Note, 500)) { Wrap = true, IsSubtle = true });
        }

        if (!string.IsNullOrWhiteSpace(view.ReplacementNote))
        {
            body.Add(new TextBlock(CardText.Escape(view.ReplacementNote, 500)) { Wrap = true, IsSubtle = true });
        }

        var actions = new List<CardAction> { new OpenUrlAction("Open the document", view.Document) };
        if (view.IsOpen)
        {
            var data = new Dictionary<string, string> { [ConsultCardKeys.RequestId] = view.RequestId };
            actions.Add(new ExecuteAction("Close and summarise", ConsultVerbs.Close) { Data = data, AssociatedInputs = AssociatedInputs.None });
            actions.Add(new ShowCardAction("Extend", new AdaptiveCard
            {
                Body = [new DateInput(ConsultCardKeys.Deadline) { Label = "New deadline", Min = view.ExtendMin, Max = view.ExtendMax, Value = view.ExtendMin }],
                Actions = [new ExecuteAction("Extend", ConsultVerbs.Extend) { Data = data }],
            }));
            actions.Add(new ExecuteAction("Cancel consultation", ConsultVerbs.Cancel) { Data = data, AssociatedInputs = AssociatedInputs.None, Style = ActionStyle.Destructive });
        }

        // Facilitators synthesise once reviews are in, before or after the deadline (anyone else is refused).
        if (view.ReviewsReceived > 0)
        {
            actions.Add(new ExecuteAction("Synthesize", SynthesisVerbs.Start) { Data = new Dictionary<string, string> { [SynthesisCardKeys.RequestId] = view.RequestId } });
        }

        return new AdaptiveCard { Body = body, Actions = actions, FallbackText = "Consultation: " + CardText.Escape(view.Title, 200) };
    }
}

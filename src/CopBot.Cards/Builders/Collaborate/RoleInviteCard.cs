namespace CopBot.Cards;

/// <summary>The 1:1 invitation to join a working group in one role.</summary>
public static class RoleInviteCard
{
    public static AdaptiveCard Build(RoleInviteView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var data = new Dictionary<string, string> { [CollaborateCardKeys.RequestId] = view.RequestId };
        var body = new List<CardElement>
        {
            new TextBlock($"{CardText.Escape(view.RequesterName, 100)} invites you to a working group as {CardText.Escape(view.Role, 40)}") { Weight = FontWeight.Bolder, Wrap = true },
            new TextBlock(CardText.Escape(view.Goal, 500)) { Wrap = true },
            new FactSet([new Fact("Deliverable", CardText.Escape(view.Deliverable, 300)), new Fact("Deadline", view.Deadline)]),
        };
        if (view.Why.Count > 0)
        {
            body.Add(new TextBlock("Why you: " + string.Join("; ", view.Why.Select(w => CardText.Escape(w, 200)))) { IsSubtle = true, Wrap = true });
        }

        var actions = new List<CardAction>
        {
            new ExecuteAction("Join as " + view.Role, CollaborateVerbs.Join) { Data = data, Style = ActionStyle.Positive },
            new ExecuteAction("Not now", CollaborateVerbs.NotNow) { Data = data },
        };
        if (view.ThreadLink is not null)
        {
            actions.Add(new OpenUrlAction("Open the thread", view.ThreadLink));
        }

        return new AdaptiveCard { Body = body, Actions = actions, FallbackText = "Invitation to a working group: " + CardText.Escape(view.Goal, 200) };
    }
}

namespace CopBot.Cards;

/// <summary>
/// The working group in its thread: roles filled and open, members, the task checklist (add, take, mark done) and
/// completion, all through Action.Execute so the card is replaced in place; members' clients refresh it on view.
/// </summary>
public static class WorkingGroupCard
{
    public static AdaptiveCard Build(WorkingGroupView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement>
        {
            new TextBlock("Working group") { Weight = FontWeight.Bolder, Size = TextSize.Medium, Color = TextColor.Accent },
            new TextBlock(CardText.Escape(view.Goal, 500)) { Wrap = true, Weight = FontWeight.Bolder },
            new FactSet(
            [
                new Fact("Deliverable", CardText.Escape(view.Deliverable, 300)),
                new Fact("Deadline", view.Deadline),
                new Fact("Started by", CardText.Escape(view.RequesterName, 100)),
                new Fact("Status", CardText.Escape(view.Status, 60)),
            ]),
            new TextBlock("Roles") { Weight = FontWeight.Bolder, Spacing = Spacing.Medium },
            new FactSet([.. view.Roles.Select(r => new Fact(
                $"{CardText.Escape(r.Role, 40)} ({r.Filled}/{r.Needed})",
                r.Members.Count == 0 ? "open" : string.Join(", ", r.Members.Select(m => CardText.Escape(m, 100))) + (r.Filled < r.Needed ? " · open" : "")))]),
            new TextBlock($"Tasks ({view.Tasks.Count(t => t.Done)}/{view.Tasks.Count} done)") { Weight = FontWeight.Bolder, Spacing = Spacing.Medium },
        };
        body.Add(view.Tasks.Count == 0
            ? new TextBlock("No tasks yet.") { IsSubtle = true }
            : new FactSet([.. view.Tasks.Select(t => new Fact(t.Done ? "✔ done" : "☐ open", CardText.Escape(t.Title, 200) + (t.Assignee is null ? "" : " · " + CardText.Escape(t.Assignee, 100))))]));
        if (view.DeliverableLink is not null)
        {
            body.Add(new TextBlock("Deliverable: " + CardText.Escape(view.DeliverableLink.AbsoluteUri, 500)) { Wrap = true });
        }

        if (!string.IsNullOrWhiteSpace(view.Note))
        {
            body.Add(new TextBlock(CardText.Escape(view.Note, 500)) { Wrap = true, IsSubtle = true });
        }

        if (!string.IsNullOrWhiteSpace(view.ReplacementNote))
        {
            body.Add(new TextBlock(CardText.Escape(view.ReplacementNote, 500)) { Wrap = true, IsSubtle = true });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = view.IsOpen ? Actions(view) : null,
            Refresh = view.IsOpen && view.RefreshUserIds.Count > 0
                ? new CardRefresh(new ExecuteAction("Refresh", CollaborateVerbs.Refresh) { Data = Data(view) }, [.. view.RefreshUserIds.Take(CardLimits.MaxRefreshUserIds)])
                : null,
            FallbackText = "Working group: " + CardText.Escape(view.Goal, 200),
        };
    }

    private static Dictionary<string, string> Data(WorkingGroupView view) => new() { [CollaborateCardKeys.RequestId] = view.RequestId };

    private static List<CardAction> Actions(WorkingGroupView view)
    {
        var data = Data(view);
        var actions = new List<CardAction>
        {
            new ShowCardAction("Add task", new AdaptiveCard
            {
                Body = [new TextInput(CollaborateCardKeys.TaskTitle) { Label = "Task", MaxLength = 200 }],
                Actions = [new ExecuteAction("Add", CollaborateVerbs.AddTask) { Data = data }],
            }),
        };
        var open = view.Tasks.Where(t => !t.Done).ToList();
        if (open.Count > 0)
        {
            actions.Add(new ShowCardAction("Update a task", new AdaptiveCard
            {
                Body = [new ChoiceSetInput(CollaborateCardKeys.TaskId, [.. open.Select(t => new Choice(CardText.Escape(t.Title, 100), t.Id))]) { Label = "Task", Style = ChoiceInputStyle.Compact, Value = open[0].Id }],
                Actions =
                [
                    new ExecuteAction("Take it", CollaborateVerbs.TakeTask) { Data = data },
                    new ExecuteAction("Mark done", CollaborateVerbs.TaskDone) { Data = data, Style = ActionStyle.Positive },
                ],
            }));
        }

        actions.Add(new ShowCardAction("Complete", new AdaptiveCard
        {
            Body = [new TextInput(CollaborateCardKeys.DeliverableLink) { Label = "Link to the deliverable", MaxLength = 1000, Placeholder = "https://…" }],
            Actions = [new ExecuteAction("Complete and credit everyone", CollaborateVerbs.Complete) { Data = data, Style = ActionStyle.Positive }],
        }));
        actions.Add(new ExecuteAction("Cancel group", CollaborateVerbs.Cancel) { Data = data, AssociatedInputs = AssociatedInputs.None, Style = ActionStyle.Destructive });
        return actions;
    }
}

namespace CopBot.Cards;

/// <summary>The 1:1 invitation: the topic, why you, "Join the discussion" (the thread) or "Not now".</summary>
public static class DiscussionInviteCard
{
    public static AdaptiveCard Build(DiscussionInviteView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement>
        {
            new TextBlock($"{CardText.Escape(view.RequesterName, 100)} invites you to a discussion") { Weight = FontWeight.Bolder, Wrap = true },
            new TextBlock(CardText.Escape(view.Topic, 500)) { Wrap = true },
        };
        if (!string.IsNullOrWhiteSpace(view.FramingQuestion))
        {
            body.Add(new TextBlock(CardText.Escape(view.FramingQuestion, 1000)) { Wrap = true, IsSubtle = true });
        }

        if (view.Why.Count > 0)
        {
            body.Add(new TextBlock("Why you: " + string.Join("; ", view.Why.Select(w => CardText.Escape(w, 200)))) { IsSubtle = true, Wrap = true, Spacing = Spacing.Small });
        }

        body.Add(new TextBlock($"Open until {view.ClosesAt}. " + (view.ThreadLink is null ? "Reply in the chat where it was started." : "Share your experience as a reply in the thread."))
        {
            Wrap = true,
            Spacing = Spacing.Small,
        });
        var actions = new List<CardAction>();
        if (view.ThreadLink is not null)
        {
            actions.Add(new OpenUrlAction("Join the discussion", view.ThreadLink));
        }

        actions.Add(new ExecuteAction("Not now", DiscussVerbs.NotNow) { Data = new Dictionary<string, string> { [DiscussCardKeys.RequestId] = view.RequestId } });
        return new AdaptiveCard { Body = body, Actions = actions, FallbackText = "Invitation to a discussion: " + CardText.Escape(view.Topic, 200) };
    }
}

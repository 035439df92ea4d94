namespace CopBot.Cards;

/// <summary>
/// Posted before a question is routed when the knowledge base holds likely answers: "Does one of these answer it?"
/// <c>Yes, thanks</c> closes the question without asking anyone; <c>No, ask the experts</c> routes it as usual.
/// </summary>
public static class DuplicateOfferCard
{
    public static AdaptiveCard Build(DuplicateOfferView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var data = new Dictionary<string, string> { [KnowledgeCardKeys.OfferId] = view.OfferId };
        return new AdaptiveCard
        {
            Body =
            [
                new TextBlock("Does one of these answer it?") { Weight = FontWeight.Bolder, Size = TextSize.Medium, Wrap = true },
                new TextBlock("The community may have answered this before: " + CardText.Escape(view.Question, 300)) { IsSubtle = true, Wrap = true, Spacing = Spacing.Small },
                .. KnowledgeHitBlocks.Body(view.Hits, KnowledgeCardKeys.MaxOffered),
            ],
            Actions =
            [
                new ExecuteAction("Yes, thanks", KnowledgeCardKeys.DuplicateAccept) { Data = data, Style = ActionStyle.Positive },
                new ExecuteAction("No, ask the experts", KnowledgeCardKeys.DuplicateReject) { Data = data },
                .. KnowledgeHitBlocks.OpenActions(view.Hits, KnowledgeCardKeys.MaxOffered),
            ],
            FallbackText = "Does one of these answer it? " + CardText.Escape(view.Question, 200),
        };
    }

    /// <summary>What the offer card becomes once answered.</summary>
    public static AdaptiveCard Settled(string question, bool answeredByKnowledgeBase) => answeredByKnowledgeBase
        ? NoticeCard.Build("Answered from the knowledge base", $"Glad it helped. Nobody was asked: \"{question}\"", NoticeKind.Info)
        : NoticeCard.Build("Asking the experts", $"I am asking the members who know: \"{question}\"", NoticeKind.Info);
}

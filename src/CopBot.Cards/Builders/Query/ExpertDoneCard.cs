namespace CopBot.Cards;

/// <summary>Replaces an expert's 1:1 card once they acted, so it cannot be submitted twice.</summary>
public static class ExpertDoneCard
{
    public static AdaptiveCard Answered(string question) => Build("Thank you, your answer is in the thread.", question);

    public static AdaptiveCard Declined(string question) => Build("Thanks for letting us know. We asked someone else.", question);

    public static AdaptiveCard Referred(string question, string colleague) =>
        Build($"Thanks, we asked {CardText.Escape(colleague, 100)}.", question);

    public static AdaptiveCard NotMyArea(string question) =>
        Build("Thanks, noted: you will get fewer questions on these topics. We asked someone else.", question);

    public static AdaptiveCard Closed(string question) => Build("This question has been closed by the asker. Nothing more is needed.", question);

    private static AdaptiveCard Build(string headline, string question) => new()
    {
        Body =
        [
            new TextBlock(headline) { Weight = FontWeight.Bolder, Wrap = true },
            new TextBlock(CardText.Escape(question, 500)) { IsSubtle = true, Wrap = true },
        ],
        FallbackText = headline,
    };
}

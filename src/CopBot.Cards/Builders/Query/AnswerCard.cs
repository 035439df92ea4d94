namespace CopBot.Cards;

/// <summary>An expert's answer in the asker's thread, crediting the expert.</summary>
public static class AnswerCard
{
    public static AdaptiveCard Build(AnswerView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new AdaptiveCard
        {
            Body =
            [
                new TextBlock($"Answer from {CardText.Escape(view.ExpertName, 100)}") { Weight = FontWeight.Bolder, Color = TextColor.Good, Wrap = true },
                new TextBlock(CardText.Escape(view.Answer, QueryCardKeys.MaxAnswerLength)) { Wrap = true },
                new TextBlock("To: " + CardText.Escape(view.Question, 200)) { IsSubtle = true, Wrap = true, Spacing = Spacing.Small },
            ],
            FallbackText = $"Answer from {CardText.Escape(view.ExpertName, 100)}",
        };
    }
}

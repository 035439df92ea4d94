namespace CopBot.Cards.Tests;

/// <summary>One card using every element, input, action and root option the model has.</summary>
internal static class EveryElementCard
{
    public static AdaptiveCard Build() => new()
    {
        Body =
        [
            new TextBlock("Weekly digest")
            {
                Id = "title",
                Size = TextSize.Large,
                Weight = FontWeight.Bolder,
                Color = TextColor.Accent,
                Wrap = true,
                IsSubtle = false,
                MaxLines = 2,
                HorizontalAlignment = HorizontalAlignment.Center,
                Spacing = Spacing.Medium,
                Separator = true,
            },
            new FactSet([new Fact("Asked by", "Ada Lovelace"), new Fact("Modality", "consult")]),
            new ColumnSet(
            [
                new Column([new TextBlock("Left")]) { Width = ColumnWidth.Auto },
                new Column([new TextBlock("Middle") { Wrap = true }]) { Width = ColumnWidth.Stretch, Separator = true },
                new Column([new TextBlock("Right")]) { Width = ColumnWidth.Pixels(80), Style = ContainerStyle.Good, Spacing = Spacing.Small },
            ]),
            new Container([new TextBlock("Inside a container") { Color = TextColor.Good }]) { Style = ContainerStyle.Emphasis },
            new TextInput("answer")
            {
                Label = "Your answer",
                Placeholder = "Share what you know",
                IsMultiline = true,
                IsRequired = true,
                ErrorMessage = "Please write an answer.",
                MaxLength = 2000,
                Value = "Draft answer",
            },
            new ChoiceSetInput("skills", [new Choice("Azure", "azure"), new Choice("Kubernetes", "k8s")])
            {
                Label = "Skills",
                IsMultiSelect = true,
                Style = ChoiceInputStyle.Filtered,
                Value = "azure",
                IsRequired = true,
                ErrorMessage = "Pick at least one skill.",
            },
            new DateInput("due")
            {
                Label = "Answer by",
                Min = new DateOnly(2025, 1, 1),
                Max = new DateOnly(2025, 12, 31),
                Value = new DateOnly(2025, 6, 30),
            },
        ],
        Actions =
        [
            new ExecuteAction("Send", "answer.send")
            {
                Data = new Dictionary<string, string> { ["requestId"] = "r-42" },
                AssociatedInputs = AssociatedInputs.Auto,
                Style = ActionStyle.Positive,
            },
            new SubmitAction("Save draft")
            {
                Data = new Dictionary<string, string> { ["kind"] = "draft" },
                AssociatedInputs = AssociatedInputs.None,
            },
            new OpenUrlAction("Open thread", new Uri("https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1700000000000")),
            new ShowCardAction(
                "Decline",
                new AdaptiveCard
                {
                    Body = [new TextInput("reason") { Label = "Why not?" }],
                    Actions = [new ExecuteAction("Decline", "request.decline") { Style = ActionStyle.Destructive }],
                }),
        ],
        Refresh = new CardRefresh(
            new ExecuteAction("Refresh", "card.refresh") { Data = new Dictionary<string, string> { ["requestId"] = "r-42" } },
            ["29:1abc", "29:2def"]),
        MsTeams = TeamsCardOptions.FullWidth,
        FallbackText = "Weekly digest: open Teams to answer.",
    };
}

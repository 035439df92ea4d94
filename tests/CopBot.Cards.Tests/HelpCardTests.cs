namespace CopBot.Cards.Tests;

public sealed class HelpCardTests
{
    private static List<string> Texts(AdaptiveCard card) =>
        [.. card.Body!.OfType<Container>().SelectMany(c => c.Items).OfType<TextBlock>().Select(t => t.Text)];


    [Fact]
    public void Build_WithIntro_IntroComesFirstAndIsEscaped()
    {
        var first = Assert.IsType<TextBlock>(HelpCard.Build(Samples.Commands, "see [x](https://evil.example)").Body![0]);

        Assert.StartsWith("see ", first.Text);
        Assert.DoesNotContain("[x](", first.Text);
    }

    [Fact]
    public void Build_WithoutIntro_StartsWithTheTitle()
    {
        var first = Assert.IsType<TextBlock>(HelpCard.Build(Samples.Commands).Body![0]);

        Assert.Equal("CopBot commands", first.Text);
    }

    [Fact]
    public void Build_Commands_ListsEveryCommandWithSummaryAndExample()
    {
        var texts = Texts(HelpCard.Build(Samples.Commands));

        Assert.All(Samples.Commands, c =>
        {
            Assert.Contains(c.Name, texts);
            Assert.Contains(c.Summary, texts);
            Assert.Contains("Example: " + c.Example, texts);
        });
    }

    [Fact]
    public void Build_Commands_OneShowButtonPerModalityCarryingTheCommand()
    {
        var actions = HelpCard.Build(Samples.Commands).Actions!.Cast<ExecuteAction>().ToList();

        Assert.Equal(4, actions.Count);
        Assert.All(actions, a => Assert.Equal(CardVerbs.HelpShow, a.Verb));
        Assert.Equal(
            Samples.Commands.Where(c => c.IsModality).Select(c => c.Name),
            actions.Select(a => a.Data![CardDataKeys.Command]));
        Assert.Equal("How to consult", actions[2].Title);
    }

    [Fact]
    public void Build_ShowButton_FallbackSubmitCarriesVerbAndCommand()
    {
        var fallback = HelpCard.Build(Samples.Commands).Actions!.Cast<ExecuteAction>().First().Fallback!;

        Assert.Equal(CardVerbs.HelpShow, fallback.Data![CardDataKeys.Verb]);
        Assert.Equal("query", fallback.Data[CardDataKeys.Command]);
    }

    [Fact]
    public void Build_NoModalityCommands_HasNoActions()
    {
        var card = HelpCard.Build([new CommandHelp("profile", "Show your profile.", "profile")]);

        Assert.Null(card.Actions);
    }

    [Fact]
    public void Build_HostileCommandText_IsNeutralised()
    {
        var json = CardJson.Serialize(HelpCard.Build([new CommandHelp("x", Samples.Hostile, Samples.Hostile)]));

        Assert.DoesNotContain("](https://evil.example", json);
        Assert.DoesNotContain("<at>", json);
        Assert.DoesNotContain("**URGENT**", json);
    }
}

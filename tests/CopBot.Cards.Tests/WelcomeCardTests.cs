namespace CopBot.Cards.Tests;

public sealed class WelcomeCardTests
{
    private static IEnumerable<string> Texts(AdaptiveCard card) => card.Body!.OfType<TextBlock>().Select(t => t.Text);


    [Fact]
    public void Build_FourModalities_ListsThemWithTheirSummaries()
    {
        var card = WelcomeCard.Build(new WelcomeView(WelcomeScope.Personal, Samples.Commands));

        var facts = Assert.Single(card.Body!.OfType<FactSet>()).Facts;
        Assert.Equal(["query", "discuss", "consult", "collaborate"], facts.Select(f => f.Title));
        Assert.Equal(Samples.Commands[0].Summary, facts[0].Value);
        Assert.Contains("Four ways to ask", Texts(card));
    }

    [Fact]
    public void Build_Commands_OneHelpButtonPerModalityPlusAllCommands()
    {
        var card = WelcomeCard.Build(new WelcomeView(WelcomeScope.Team, Samples.Commands));

        var actions = card.Actions!.Cast<ExecuteAction>().ToList();
        Assert.All(actions, a => Assert.Equal(CardVerbs.HelpShow, a.Verb));
        Assert.Equal(
            ["query", "discuss", "consult", "collaborate"],
            actions.Where(a => a.Data is not null).Select(a => a.Data![CardDataKeys.Command]));
        Assert.Equal("All commands", actions[^1].Title);
        Assert.Null(actions[^1].Data);
        Assert.True(actions.Count <= CardLimits.MaxActions);
    }

    [Fact]
    public void Build_ManyModalities_StaysWithinTheActionLimit()
    {
        var commands = Enumerable.Range(1, 9).Select(i => new CommandHelp($"m{i}", "s", "e", IsModality: true)).ToList();

        var card = WelcomeCard.Build(new WelcomeView(WelcomeScope.Personal, commands));

        Assert.Equal(CardLimits.MaxActions, card.Actions!.Count);
    }

    [Fact]
    public void Build_Personal_GreetsByNameAndExplainsChat()
    {
        var card = WelcomeCard.Build(new WelcomeView(WelcomeScope.Personal, Samples.Commands) { UserName = "Ada" });

        Assert.Equal("Hi Ada, I'm CopBot", Texts(card).First());
        Assert.Contains(Texts(card), t => t.StartsWith("Type a command here, for example: query", StringComparison.Ordinal));
        Assert.Null(card.MsTeams);
    }

    [Fact]
    public void Build_Team_ThanksTheTeamExplainsMentionsAndUsesFullWidth()
    {
        var card = WelcomeCard.Build(new WelcomeView(WelcomeScope.Team, Samples.Commands) { TeamName = "Cloud Platform CoP" });

        Assert.Equal("Thanks for adding CopBot to Cloud Platform CoP", Texts(card).First());
        Assert.Contains(Texts(card), t => t.StartsWith("Mention me with a command", StringComparison.Ordinal));
        Assert.Equal(TeamsCardWidth.Full, card.MsTeams?.Width);
    }

    [Fact]
    public void Build_HostileTeamName_IsNeutralisedAndTruncated()
    {
        var card = WelcomeCard.Build(new WelcomeView(WelcomeScope.Team, Samples.Commands) { TeamName = Samples.Hostile });

        var json = CardJson.Serialize(card);
        Assert.DoesNotContain("[Click here", json);
        Assert.DoesNotContain("<at>", json);
        Assert.EndsWith(CardText.Ellipsis, Texts(card).First());
    }
}

namespace CopBot.Cards.Tests;

public sealed class HelpTopicCardTests
{
    private const string Details =
        "Use consult when you need an expert's advice on your own situation.\n\n"
        + "CopBot finds up to three experts by skill and availability, and asks each of them in a 1:1 chat.";


    [Fact]
    public void Build_Command_ShowsNameSummaryExampleAndDetails()
    {
        var card = HelpTopicCard.Build(Samples.Commands[2], Details);

        var texts = card.Body!.OfType<TextBlock>().Select(t => t.Text).ToList();
        Assert.Equal("consult", texts[0]);
        Assert.Contains(Samples.Commands[2].Summary, texts);
        Assert.Contains(Details, texts);
        var example = Assert.Single(Assert.Single(card.Body!.OfType<FactSet>()).Facts);
        Assert.Equal(Samples.Commands[2].Example, example.Value);
    }

    [Fact]
    public void Build_Command_HasOneBackButtonToTheList()
    {
        var action = Assert.IsType<ExecuteAction>(Assert.Single(HelpTopicCard.Build(Samples.Commands[0], Details).Actions!));

        Assert.Equal(CardVerbs.HelpBack, action.Verb);
        Assert.Equal(CardVerbs.HelpBack, action.Fallback!.Data![CardDataKeys.Verb]);
    }

    [Fact]
    public void Build_LongDetails_AreTruncated()
    {
        var card = HelpTopicCard.Build(Samples.Commands[0], Samples.Long);

        var details = card.Body!.OfType<TextBlock>().Last().Text;
        Assert.Equal(HelpTopicCard.MaxDetailsLength, details.Length);
        Assert.EndsWith(CardText.Ellipsis, details);
    }

    [Fact]
    public void Build_BlankDetails_OmitsTheDetailsBlock()
    {
        var card = HelpTopicCard.Build(Samples.Commands[0], "  ");

        Assert.Equal(2, card.Body!.OfType<TextBlock>().Count());
    }
}

namespace CopBot.Cards.Tests;

public sealed class ProfileCardTests
{
    [Fact]
    public void Build_Existing_EditPanelPrefilledWithTopicLevelPairs()
    {
        var edit = Assert.IsType<ShowCardAction>(Assert.Single(ProfileCard.Build(Samples.Amara()).Actions!));
        var skills = edit.Card.Body!.OfType<TextInput>().Single(i => i.Id == ProfileCardKeys.Skills);

        Assert.Equal("Edit", edit.Title);
        Assert.Equal("cash transfers:5, targeting:4", skills.Value);
        Assert.Equal(ProfileCardKeys.SaveVerb, edit.Card.Actions!.OfType<ExecuteAction>().Single().Verb);
    }

    [Fact]
    public void Build_NoProfile_OffersToCreateOne()
    {
        var card = ProfileCard.Build(Samples.Amara(exists: false));

        Assert.Equal("You have no profile yet", Assert.IsType<TextBlock>(card.Body![0]).Text);
        Assert.Equal("Create my profile", Assert.IsType<ShowCardAction>(Assert.Single(card.Actions!)).Title);
    }
}

namespace CopBot.Cards.Tests;

public sealed class ProfileCardTests
{
    private static ProfileView Amara(bool exists = true) => new(
        "Amara Nwosu-Lindqvist", [("cash transfers", 5), ("targeting", 4)], "Cash and social protection in the Sahel.", ["English", "French"], "Dakar", "WFP", exists);

    [Fact]
    public void Build_ExistingNewHostileAndWithMessage_PassOfficialParser()
    {
        CardAssert.ValidFixtures(new Dictionary<string, AdaptiveCard>
        {
            ["profile"] = ProfileCard.Build(Amara()),
            ["profile-new"] = ProfileCard.Build(new ProfileView("Zeynep", [], null, [], null, null, Exists: false)),
            ["profile-saved"] = ProfileCard.Build(Amara(), "Saved."),
            ["profile-hostile"] = ProfileCard.Build(Amara() with { Name = Samples.Hostile, Bio = Samples.Long[..4000], Organization = Samples.Hostile }, Samples.Hostile),
        });
    }

    [Fact]
    public void Build_Existing_EditPanelPrefilledWithTopicLevelPairs()
    {
        var edit = Assert.IsType<ShowCardAction>(Assert.Single(ProfileCard.Build(Amara()).Actions!));
        var skills = edit.Card.Body!.OfType<TextInput>().Single(i => i.Id == ProfileCardKeys.Skills);

        Assert.Equal("Edit", edit.Title);
        Assert.Equal("cash transfers:5, targeting:4", skills.Value);
        Assert.Equal(ProfileCardKeys.SaveVerb, edit.Card.Actions!.OfType<ExecuteAction>().Single().Verb);
    }

    [Fact]
    public void Build_NoProfile_OffersToCreateOne()
    {
        var card = ProfileCard.Build(Amara(exists: false));

        Assert.Equal("You have no profile yet", Assert.IsType<TextBlock>(card.Body![0]).Text);
        Assert.Equal("Create my profile", Assert.IsType<ShowCardAction>(Assert.Single(card.Actions!)).Title);
    }
}

namespace CopBot.Cards.Tests;

public sealed class ProfileCardTests
{
    /// <summary>The availability states of the profile card in the catalog (parser check, size check, gallery).</summary>
    internal static IReadOnlyList<CardFixture> Fixtures => CardCatalog.From(
        ("profile-busy", "ProfileCard.Build", ProfileCard.Build(Samples.Amara() with { BusyUntil = new DateOnly(2026, 3, 10), MaxOpenRequests = 0 })),
        ("profile-availability-error", "ProfileCard.Build", ProfileCard.Build(Samples.Amara(), "Open requests at a time: a whole number from 0 to 100 (0 means ask me nothing).")));

    [Fact]
    public void Builders_AvailabilityStates_PassOfficialParserWithinSizeLimit()
    {
        CardAssert.ValidFixtures(Fixtures);
    }

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

    [Fact]
    public void Build_Busy_ShowsTheDateAndPrefillsTheAvailabilityInputs()
    {
        var card = ProfileCard.Build(Samples.Amara() with { BusyUntil = new DateOnly(2026, 3, 10), MaxOpenRequests = 2 });
        var form = Assert.IsType<ShowCardAction>(Assert.Single(card.Actions!)).Card;

        Assert.Equal("Busy until 2026-03-10 · up to 2 open requests", card.Body!.OfType<FactSet>().Single().Facts.Single(f => f.Title == "Availability").Value);
        Assert.Equal(new DateOnly(2026, 3, 10), form.Body!.OfType<DateInput>().Single(i => i.Id == ProfileCardKeys.BusyUntil).Value);
        var max = form.Body!.OfType<NumberInput>().Single(i => i.Id == ProfileCardKeys.MaxOpenRequests);
        Assert.Equal((2, 0, ProfileCardKeys.MaxOpenRequestsLimit), (max.Value, max.Min, max.Max));
    }

    [Fact]
    public void Build_Available_SaysSoAndLeavesTheDateEmpty()
    {
        var card = ProfileCard.Build(Samples.Amara() with { MaxOpenRequests = 0 });

        Assert.Equal("Available · takes no requests", card.Body!.OfType<FactSet>().Single().Facts.Single(f => f.Title == "Availability").Value);
        Assert.Null(Assert.IsType<ShowCardAction>(Assert.Single(card.Actions!)).Card.Body!.OfType<DateInput>().Single().Value);
    }
}

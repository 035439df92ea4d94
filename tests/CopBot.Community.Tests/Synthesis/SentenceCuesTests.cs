namespace CopBot.Community.Tests.Synthesis;

public class SentenceCuesTests
{
    [Theory]
    [InlineData("Try a lager yeast at 12 degrees.", true)]
    [InlineData("I would recommend a secondary fermenter.", true)]
    [InlineData("You should check the gravity first.", true)]
    [InlineData("Use is rare in this region.", false)]
    [InlineData("Do you ferment in glass?", false)]
    [InlineData("The beer was cloudy.", false)]
    public void IsRecommendation_Cases(string sentence, bool expected) => Assert.Equal(expected, SentenceCues.IsRecommendation(sentence));

    [Theory]
    [InlineData("However, that only works for ales.", true)]
    [InlineData("I disagree with the point about cold crashing.", true)]
    [InlineData("Cold crashing clears the beer.", false)]
    public void IsContrast_Cases(string sentence, bool expected) => Assert.Equal(expected, SentenceCues.IsContrast(sentence));

    [Theory]
    [InlineData("Has anyone tried this with wheat?", true)]
    [InlineData("Has anyone tried \"this\"?\")", true)]
    [InlineData("Nobody asked.", false)]
    public void IsQuestion_Cases(string sentence, bool expected) => Assert.Equal(expected, SentenceCues.IsQuestion(sentence));
}

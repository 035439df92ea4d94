namespace CopBot.Community.Tests.Synthesis;

public class ExtractiveSynthesizerTests
{
    private readonly ExtractiveSynthesizer _engine = new();

    [Fact]
    public void Synthesize_SmallThread_EveryContributorOnAKeyPoint()
    {
        var draft = _engine.Synthesize(Threads.FireBrigades());

        var onPoints = draft.AllPoints.SelectMany(p => p.ContributorIds).ToHashSet();
        Assert.Equal(["ana", "kalani", "li", "omar"], onPoints.Order());
        Assert.Equal("extractive", draft.Engine);
        Assert.Equal("q-fire", draft.RequestId);
    }

    [Fact]
    public void Synthesize_TwoPeopleSaySameThing_OnePointCreditingBoth()
    {
        var draft = _engine.Synthesize(Threads.FireBrigades());

        var stipend = Assert.Single(draft.AllPoints, p => p.Text.Contains("stipend", StringComparison.OrdinalIgnoreCase) && p.ContributorIds.Contains("kalani") && p.ContributorIds.Contains("ana"));
        Assert.True(stipend.ContributionIds.Count >= 2);
        Assert.DoesNotContain(draft.AllPoints, p => p.Text.StartsWith("Pay volunteers a small stipend", StringComparison.Ordinal));
    }

    [Fact]
    public void Synthesize_Sections_FoundByCues()
    {
        var draft = _engine.Synthesize(Threads.FireBrigades());

        Assert.Contains(draft.OpenQuestions, p => p.Text == "Has anyone tried insurance for volunteers?" && p.ContributorIds.SequenceEqual(["ana"]));
        Assert.Contains(draft.AllPoints, p => p.Text.StartsWith("However, stipends stop working", StringComparison.Ordinal));
        Assert.Contains(draft.NextSteps, p => p.Text.StartsWith("Check the equipment stock", StringComparison.Ordinal) || p.Text.StartsWith("I recommend a public ceremony", StringComparison.Ordinal));
        Assert.DoesNotContain(draft.AllPoints, p => p.Text == "Thanks!");
        Assert.DoesNotContain(draft.NextSteps, p => p.Text.StartsWith("See https://", StringComparison.Ordinal));
    }

    [Fact]
    public void Synthesize_LinksCreditsAndStatistics()
    {
        var draft = _engine.Synthesize(Threads.FireBrigades());

        var link = Assert.Single(draft.Resources);
        Assert.Equal("https://example.org/stipends", link.Url);
        Assert.Equal(["kalani"], link.ContributorIds);
        Assert.Equal(["kalani", "ana", "omar", "li"], draft.Contributors.Select(c => c.Id));
        Assert.Equal(2, draft.Contributors[0].Contributions);
        Assert.Equal("Forest Service", draft.Contributors[0].Organization);
        Assert.Equal(new SynthesisStatistics(5, 4, 2, TimeSpan.FromHours(3)), draft.Statistics);
    }

    [Fact]
    public void Synthesize_Themes_LabelledByASharedTermNotTheRequestsOwn()
    {
        var draft = _engine.Synthesize(Threads.FireBrigades());

        Assert.InRange(draft.Themes.Count, 1, _engine.Options.MaxThemes);
        Assert.DoesNotContain(draft.Themes, t => t.Label is "Volunteer" or "Fire" or "Brigade");
        Assert.Equal(draft.KeyPoints.Count(), draft.Themes.Sum(t => t.Points.Count));
        Assert.All(draft.Themes, t => Assert.NotEmpty(t.Points));
        Assert.False(string.IsNullOrWhiteSpace(draft.Synopsis));
        Assert.True(draft.Synopsis.Length <= _engine.Options.MaxSynopsisLength);
    }

    [Fact]
    public void Synthesize_NoContributions_EmptyDraftWithRequest()
    {
        var request = Threads.FireBrigades() with { Contributions = [] };

        var draft = _engine.Synthesize(request);

        Assert.Empty(draft.AllPoints);
        Assert.Empty(draft.Contributors);
        Assert.Equal(new SynthesisStatistics(0, 0, 0, null), draft.Statistics);
        Assert.Equal(request.Text, draft.RequestText);
    }

    [Fact]
    public void Synthesize_SameInput_SameDraft()
    {
        var first = _engine.Synthesize(Threads.FireBrigades());
        var second = _engine.Synthesize(Threads.FireBrigades());

        Assert.Equal(first.AllPoints.Select(p => p.Text), second.AllPoints.Select(p => p.Text));
        Assert.Equal(first.Themes.Select(t => t.Label), second.Themes.Select(t => t.Label));
    }
}

using CopBot.Community;

namespace CopBot.Community.Tests.Profiles;

public class ProfileHistoryTests
{
    private static readonly DateTimeOffset May = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Record_NewKey_AppendsTheItem()
    {
        var item = Recorded("query:q1", May);

        var recorded = ProfileHistory.Record(Imported(3), item);

        Assert.NotNull(recorded);
        Assert.Equal(4, recorded.History.Count);
        Assert.Equal(item, recorded.History[^1]);
    }

    [Fact]
    public void Record_KeyAlreadyThereEvenWithOtherText_NothingToWrite()
    {
        var once = ProfileHistory.Record(Imported(3), Recorded("query:q1", May))!;

        Assert.Null(ProfileHistory.Record(once, Recorded("query:q1", May.AddHours(1)) with { Text = "An edited answer." }));
    }

    [Fact]
    public void Record_HistoryAtTheCap_DropsTheOldestItemAndStaysAtTheCap()
    {
        // Dates descend with the index, so the oldest imported item is the last one; one item has no date at all.
        var full = Imported(ProfileLimits.MaxHistoryItems);
        full = full with { History = [.. full.History.Select((h, i) => i == 10 ? h with { At = null } : h)] };

        var first = ProfileHistory.Record(full, Recorded("query:q1", May))!;
        var second = ProfileHistory.Record(first, Recorded("query:q2", May.AddDays(1)))!;

        Assert.Equal(ProfileLimits.MaxHistoryItems, first.History.Count);
        Assert.DoesNotContain(first.History, h => h.Title == "Imported 10");
        Assert.Equal(ProfileLimits.MaxHistoryItems, second.History.Count);
        Assert.DoesNotContain(second.History, h => h.Title == $"Imported {ProfileLimits.MaxHistoryItems - 1}");
        Assert.Equal(["query:q1", "query:q2"], second.History.Where(h => h.Key is not null).Select(h => h.Key));
    }

    [Fact]
    public void Record_HistoryLongerThanTheCapAlready_KeepsItsLength()
    {
        var longer = Imported(ProfileLimits.MaxHistoryItems + 20);

        var recorded = ProfileHistory.Record(longer, Recorded("query:q1", May))!;

        Assert.Equal(ProfileLimits.MaxHistoryItems + 20, recorded.History.Count);
        Assert.Equal("query:q1", recorded.History[^1].Key);
    }

    [Fact]
    public void Record_ItemWithoutKey_Refused() =>
        Assert.Throws<ArgumentException>(() => ProfileHistory.Record(Imported(1), new AnsweredQuestion("No key", null, [], May)));

    [Fact]
    public void KeepRecorded_ReImportWithoutTheRecordedItems_KeepsThemAfterTheImportedOnes()
    {
        var stored = ProfileHistory.Record(Imported(3), Recorded("query:q1", May))!;
        var reimported = Imported(2);

        var kept = ProfileHistory.KeepRecorded(reimported, stored);

        Assert.Equal(["Imported 0", "Imported 1", "Recorded query:q1"], kept.History.Select(h => h.Title));
        Assert.Equal(stored, ProfileHistory.KeepRecorded(stored, stored));
        Assert.Same(reimported, ProfileHistory.KeepRecorded(reimported, Imported(5)));
        Assert.Same(reimported, ProfileHistory.KeepRecorded(reimported, null));
    }

    [Fact]
    public void ForAnswer_QueryWithTopics_TitleIsTheQuestionTextTheAnswerTagsTheTopicsDateTheAnswer()
    {
        var query = Query("How do we reach pastoralists who migrate?") with { Topics = ["cash-transfers", "Mobile Money"] };
        var answer = new ExpertAssignment("29:1amara", "Amara", 1, []) { Answer = "Register them at water points.", AnsweredAt = May };

        var item = ProfileHistory.ForAnswer(query, answer);

        Assert.Equal(new AnsweredQuestion("How do we reach pastoralists who migrate?", "Register them at water points.", ["cash-transfers", "mobile money"], May) { Key = "query:q-1" }, item);
    }

    [Fact]
    public void Item_LongMultilineQuestion_TitleCutToOneLineAndTheWholeQuestionKeptInTheText()
    {
        var question = "Why?\n" + new string('x', ProfileLimits.MaxHistoryTitleLength + 50);

        var item = ProfileHistory.Item("query:q1", question, new string('a', ProfileLimits.MaxHistoryTextLength), ["#Fire", "fire", new string('t', 65)], May);

        Assert.Equal(ProfileLimits.MaxHistoryTitleLength, item.Title.Length);
        Assert.StartsWith("Why? xxx", item.Title, StringComparison.Ordinal);
        Assert.StartsWith(question + "\n\naaa", item.Text, StringComparison.Ordinal);
        Assert.Equal(ProfileLimits.MaxHistoryTextLength, item.Text!.Length);
        Assert.Equal(["fire"], item.Tags);
    }

    private static ExpertProfile Imported(int items) =>
        new("default", "29:1amara", "Amara", [new Skill("cash transfers", 4)], [CommunityRole.Expert])
        {
            History = [.. Enumerable.Range(0, items).Select(i => new AnsweredQuestion($"Imported {i}", null, ["cash transfers"], May.AddDays(-1 - i)))],
        };

    private static AnsweredQuestion Recorded(string key, DateTimeOffset at) =>
        new($"Recorded {key}", "The answer.", ["cash transfers"], at) { Key = key };

    private static QueryRequest Query(string question) =>
        new("default", "q-1", question, [], new QueryPlace("msteams", "https://smba", "19:c", null, null, null, "1"), "29:1asker", "Asker", May.AddHours(-2), []);
}

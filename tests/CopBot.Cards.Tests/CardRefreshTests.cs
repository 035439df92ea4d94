namespace CopBot.Cards.Tests;

public sealed class CardRefreshTests
{
    private static readonly ExecuteAction Refresh = new("Refresh", "card.refresh");

    private static string[] UserIds(int count) => [.. Enumerable.Range(1, count).Select(i => $"29:user-{i}")];

    [Fact]
    public void Ctor_SixtyOneUserIds_ThrowsArgumentException()
    {
        var e = Assert.Throws<ArgumentException>(() => new CardRefresh(Refresh, UserIds(61)));

        Assert.Equal("userIds", e.ParamName);
    }

    [Fact]
    public void Ctor_SixtyUserIds_KeepsThemAll()
    {
        var refresh = new CardRefresh(Refresh, UserIds(CardLimits.MaxRefreshUserIds));

        Assert.Equal(60, refresh.UserIds.Count);
    }

    [Fact]
    public void Ctor_CallerChangesListLater_KeepsItsOwnCopy()
    {
        var ids = new List<string> { "29:a" };
        var refresh = new CardRefresh(Refresh, ids);

        ids.Add("29:b");

        Assert.Equal(["29:a"], refresh.UserIds);
    }

    [Fact]
    public void Serialize_Refresh_WritesExecuteActionWithoutFallback()
    {
        var card = new AdaptiveCard { Refresh = new CardRefresh(Refresh, ["29:a"]) };

        var refresh = CardJson.ToJsonElement(card).GetProperty("refresh");

        Assert.Equal("Action.Execute", refresh.GetProperty("action").GetProperty("type").GetString());
        Assert.False(refresh.GetProperty("action").TryGetProperty("fallback", out _));
        Assert.Equal("29:a", refresh.GetProperty("userIds")[0].GetString());
    }
}

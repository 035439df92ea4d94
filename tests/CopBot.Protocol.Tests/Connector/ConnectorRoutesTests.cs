using CopBot.Protocol.Connector;

namespace CopBot.Protocol.Tests.Connector;

public class ConnectorRoutesTests
{
    private const string Thread = "19:7b2e4d6f8a0c4e1b9d3f5a7c2e4b6d8f@thread.tacv2;messageid=1741684467331";
    private const string EscapedThread = "19%3A7b2e4d6f8a0c4e1b9d3f5a7c2e4b6d8f%40thread.tacv2%3Bmessageid%3D1741684467331";

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/emea")]
    public void Activities_ServiceUrlWithOrWithoutSlash_KeepsPathBaseAndEscapesId(string serviceUrl)
    {
        var uri = ConnectorRoutes.Activities(serviceUrl, Thread);

        Assert.Equal($"https://smba.trafficmanager.net/emea/v3/conversations/{EscapedThread}/activities", uri.AbsoluteUri);
    }

    [Fact]
    public void Activity_ActivityId_IsEscapedSegment()
    {
        var uri = ConnectorRoutes.Activity("https://smba.trafficmanager.net/teams/", "a:1x8Hq", "1:1pX4/tR7");

        Assert.Equal("https://smba.trafficmanager.net/teams/v3/conversations/a%3A1x8Hq/activities/1%3A1pX4%2FtR7", uri.AbsoluteUri);
    }

    [Fact]
    public void Conversations_ServiceUrl_PointsAtV3Conversations()
    {
        Assert.Equal("https://smba.trafficmanager.net/emea/v3/conversations", ConnectorRoutes.Conversations("https://smba.trafficmanager.net/emea/").AbsoluteUri);
    }

    [Fact]
    public void PagedMembers_PageSizeAndToken_AddsEscapedQuery()
    {
        var uri = ConnectorRoutes.PagedMembers("https://smba.trafficmanager.net/emea/", "19:abc@thread.tacv2", 50, "a+b/c=");

        Assert.Equal("https://smba.trafficmanager.net/emea/v3/conversations/19%3Aabc%40thread.tacv2/pagedmembers?pageSize=50&continuationToken=a%2Bb%2Fc%3D", uri.AbsoluteUri);
    }

    [Fact]
    public void PagedMembers_NoPaging_HasNoQuery()
    {
        Assert.Equal(string.Empty, ConnectorRoutes.PagedMembers("https://smba.trafficmanager.net/emea/", "19:abc", null, null).Query);
    }

    [Theory]
    [InlineData("smba.trafficmanager.net/emea/")]
    [InlineData("ftp://smba.trafficmanager.net/emea/")]
    public void Activities_InvalidServiceUrl_Throws(string serviceUrl)
    {
        Assert.Throws<ArgumentException>(() => ConnectorRoutes.Activities(serviceUrl, "19:abc"));
    }
}

using CopBot.Outbox;
using Microsoft.Extensions.Configuration;

namespace CopBot.Tests.Outbox;

/// <summary>When the outbox is on: by default whenever the configured storage has a queue service.</summary>
public sealed class OutboxSettingsTests
{
    [Theory]
    [InlineData("UseDevelopmentStorage=true", true)]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=copbot;AccountKey=a2V5;EndpointSuffix=core.windows.net", true)]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=a;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:1/a;QueueEndpoint=http://127.0.0.1:2/a;", true)]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=a;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:1/a;", false)]
    [InlineData("TableEndpoint=https://a.table.core.windows.net/;SharedAccessSignature=sv=1", false)]
    public void NamesQueueService_ConnectionString_TrueOnlyWhenItReachesQueues(string connectionString, bool expected) =>
        Assert.Equal(expected, OutboxServiceCollectionExtensions.NamesQueueService(connectionString));

    [Fact]
    public void AddOutbox_EnabledWithoutAQueueService_RefusedWithTheSettingToFix()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tables"] = "DefaultEndpointsProtocol=http;AccountName=a;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:1/a;",
            ["CopBot:Outbox:Enabled"] = "true",
        }).Build();

        var error = Assert.Throws<ArgumentException>(() => new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddOutbox(configuration));

        Assert.Contains("QueueEndpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOutbox_QueueServiceButSwitchedOff_DirectSends()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tables"] = "UseDevelopmentStorage=true",
            ["CopBot:Outbox:Enabled"] = "false",
        }).Build();
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddOutbox(configuration);

        Assert.Contains(services, d => d.ServiceType == typeof(IOutbox) && d.ImplementationType == typeof(DirectOutbox));
        Assert.DoesNotContain(services, d => d.ImplementationType == typeof(OutboxWorker));
    }
}

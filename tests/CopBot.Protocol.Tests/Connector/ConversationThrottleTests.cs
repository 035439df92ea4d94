using CopBot.Protocol.Connector;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Protocol.Tests.Connector;

public class ConversationThrottleTests
{
    private const string ChannelA = "19:aaaa@thread.tacv2";
    private const string ChannelB = "19:bbbb@thread.tacv2";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 11, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task WaitAsync_UpToSevenCalls_AdmittedAtOnce()
    {
        var throttle = new ConversationThrottle(_clock);

        var admitted = Enumerable.Range(0, 7).Select(_ => throttle.WaitAsync(ChannelA, CancellationToken.None)).ToList();

        Assert.All(admitted, t => Assert.True(t.IsCompletedSuccessfully));
        Assert.All(await Task.WhenAll(admitted), a => Assert.Equal((_clock.GetUtcNow(), TimeSpan.Zero), (a.At, a.Waited)));
    }

    [Fact]
    public async Task WaitAsync_BurstOnOneConversation_KeepsEveryTeamsLimit()
    {
        var throttle = new ConversationThrottle(_clock);
        var start = _clock.GetUtcNow();

        var admitted = await RunAsync(Enumerable.Range(0, 70).Select(_ => throttle.WaitAsync(ChannelA, CancellationToken.None)));

        foreach (var rule in ConversationThrottle.TeamsPerThreadRules)
        {
            AssertWithin(admitted, rule);
        }

        // Waiting, not starving: the eighth call goes about one second after the first seven.
        Assert.InRange(admitted[7] - start, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.2));
    }

    [Fact]
    public void WaitAsync_OtherConversationWhileOneIsFull_NotHeldUp()
    {
        var throttle = new ConversationThrottle(_clock);
        var calls = Enumerable.Range(0, 8).Select(_ => throttle.WaitAsync(ChannelA, CancellationToken.None)).ToList();

        var other = throttle.WaitAsync(ChannelB, CancellationToken.None);

        Assert.False(calls[7].IsCompleted);
        Assert.True(other.IsCompletedSuccessfully);
    }

    [Fact]
    public void WaitAsync_TwoThreadsOfOneChannel_ShareTheChannelBudget()
    {
        var throttle = new ConversationThrottle(_clock);
        for (var i = 0; i < 7; i++)
        {
            _ = throttle.WaitAsync(ChannelA + ";messageid=1", CancellationToken.None);
        }

        var otherThread = throttle.WaitAsync(ChannelA + ";messageid=2", CancellationToken.None);

        Assert.False(otherThread.IsCompleted);
    }

    [Fact]
    public async Task WaitAsync_WindowPassed_AdmitsAgain()
    {
        var throttle = new ConversationThrottle(_clock, [new ThrottleRule(2, TimeSpan.FromSeconds(5))]);
        await throttle.WaitAsync(ChannelA, CancellationToken.None);
        await throttle.WaitAsync(ChannelA, CancellationToken.None);
        var third = throttle.WaitAsync(ChannelA, CancellationToken.None);

        _clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(third.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(0.1));

        var admission = await third.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal((_clock.GetUtcNow(), TimeSpan.FromSeconds(5)), (admission.At, admission.Waited));
    }

    [Fact]
    public async Task WaitAsync_CancelledWhileWaiting_ThrowsAndIsNotCounted()
    {
        var throttle = new ConversationThrottle(_clock, [new ThrottleRule(1, TimeSpan.FromSeconds(1))]);
        var first = (await throttle.WaitAsync(ChannelA, CancellationToken.None)).At;
        using var cancel = new CancellationTokenSource();
        var cancelled = throttle.WaitAsync(ChannelA, cancel.Token);
        var next = throttle.WaitAsync(ChannelA, CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var admitted = await RunAsync([next]);

        // Had the cancelled call counted, the next one would have waited two seconds.
        Assert.InRange(admitted.Single() - first, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.2));
    }

    [Fact]
    public async Task WaitAsync_RuleWithALargeMaximum_CountedPerSlot_NeverExceeded_WaitsAtMostOneSlotLonger()
    {
        // 100 > ConversationLog.ExactUpTo: checked by counts per slot of 10 s / 60.
        var rule = new ThrottleRule(100, TimeSpan.FromSeconds(10));
        var throttle = new ConversationThrottle(_clock, [rule]);

        var admitted = await RunAsync(Enumerable.Range(0, 250).Select(_ => throttle.WaitAsync(ChannelA, CancellationToken.None)));

        AssertWithin(admitted, rule);
        Assert.Equal(admitted[0], admitted[99]);

        // The 101st goes once the first slot has left the window: after 10 s, and at most one slot (and one step) later.
        Assert.InRange(admitted[100] - admitted[0], TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10) + TimeSpan.FromSeconds(10.0 / 60) + TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task WaitAsync_ThreeHoursOfSteadyTraffic_TeamsRulesKept_MemoryBoundedByTheRules()
    {
        var throttle = new ConversationThrottle(_clock);
        var admitted = new List<DateTimeOffset>();
        var retained = new List<int>();

        // One write every 2.2 s: 1,636 an hour, under every limit, so none waits.
        for (var i = 0; i < 5_000; i++)
        {
            var admission = await throttle.WaitAsync(ChannelA, CancellationToken.None);
            Assert.Equal(TimeSpan.Zero, admission.Waited);
            admitted.Add(admission.At);
            retained.Add(throttle.RetainedFor(ChannelA));
            _clock.Advance(TimeSpan.FromSeconds(2.2));
        }

        foreach (var rule in ConversationThrottle.TeamsPerThreadRules)
        {
            AssertWithin(admitted, rule);
        }

        // The 60 latest times for the short limits and at most 61 minute counts for the hour, not the hour's 1,636 times.
        Assert.InRange(retained.Max(), 1, 60 + 61);
    }

    [Fact]
    public void Constructor_RuleWithoutOperations_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ConversationThrottle(_clock, [new ThrottleRule(0, TimeSpan.FromSeconds(1))]));
    }

    /// <summary>Moves fake time forward in small steps until every call is admitted; returns admissions in order.</summary>
    private async Task<List<DateTimeOffset>> RunAsync(IEnumerable<Task<ThrottleAdmission>> calls)
    {
        var pending = calls.ToList();
        for (var step = 0; step < 20_000 && !pending.All(t => t.IsCompleted); step++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(1);
        }

        var admitted = await Task.WhenAll(pending);
        return [.. admitted.Select(a => a.At).Order()];
    }

    /// <summary>No window of the rule's length holds more than its maximum.</summary>
    private static void AssertWithin(List<DateTimeOffset> admitted, ThrottleRule rule)
    {
        for (var i = 0; i + rule.MaxOperations < admitted.Count; i++)
        {
            var span = admitted[i + rule.MaxOperations] - admitted[i];
            Assert.True(span >= rule.Window, $"{rule.MaxOperations + 1} calls within {span} break {rule}");
        }
    }
}

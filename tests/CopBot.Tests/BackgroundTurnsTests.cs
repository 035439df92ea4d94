using CopBot.Turns;
using Microsoft.Extensions.Logging.Abstractions;

namespace CopBot.Tests;

/// <summary>
/// What backpressure waits on: a turn's place under the cap is given back once, when its work is done or at the latest
/// when it ends, and only turns still holding it count as working; the bookkeeping after it does not.
/// </summary>
public sealed class BackgroundTurnsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private sealed class CountingTicket : IDisposable
    {
        public int Disposals;

        public void Dispose() => Interlocked.Increment(ref Disposals);
    }

    [Fact]
    public async Task TurnGivesBackItsPlaceBeforeItsBookkeeping_WorkDoneCompletesThen_AndItNoLongerCountsAsWorking()
    {
        using var turns = new BackgroundTurns(NullLogger<BackgroundTurns>.Instance);
        var ticket = new CountingTicket();
        var bookkeeping = new TaskCompletionSource();

        var workDone = turns.Start("activity-1", async (place, _) =>
        {
            await Task.Yield();
            place.Dispose();
            await bookkeeping.Task;
        }, ticket);

        await workDone.WaitAsync(Patience);
        Assert.Equal(1, ticket.Disposals);
        Assert.Equal(0, turns.Working);
        Assert.Equal(1, turns.Count);
        Assert.False(turns.WhenFinishedAsync("activity-1").IsCompleted, "the turn ended before its bookkeeping");

        bookkeeping.SetResult();
        await turns.WhenIdleAsync().WaitAsync(Patience);
        Assert.Equal(1, ticket.Disposals);
        Assert.Equal(0, turns.Count);
    }

    [Fact]
    public async Task TurnStillAtWork_CountsAsWorking_UntilItEnds()
    {
        using var turns = new BackgroundTurns(NullLogger<BackgroundTurns>.Instance);
        var ticket = new CountingTicket();
        var work = new TaskCompletionSource();

        var workDone = turns.Start("activity-2", (_, _) => work.Task, ticket);

        Assert.Equal(1, turns.Working);
        Assert.False(workDone.IsCompleted);
        work.SetResult();
        await workDone.WaitAsync(Patience);
        Assert.Equal(0, turns.Working);
        Assert.Equal(1, ticket.Disposals);
    }

    [Fact]
    public async Task TurnFailingBeforeItGivesBackItsPlace_WorkDoneCompletesWithoutFaulting_PlaceGivenBackOnce()
    {
        using var turns = new BackgroundTurns(NullLogger<BackgroundTurns>.Instance);
        var ticket = new CountingTicket();

        var workDone = turns.Start("activity-3", (_, _) => throw new InvalidOperationException("handler bug"), ticket);

        await workDone.WaitAsync(Patience);
        Assert.True(workDone.IsCompletedSuccessfully);
        await turns.WhenIdleAsync().WaitAsync(Patience);
        Assert.Equal(0, turns.Working);
        Assert.Equal(1, ticket.Disposals);
    }
}

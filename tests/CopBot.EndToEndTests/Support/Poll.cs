namespace CopBot.EndToEndTests.Support;

/// <summary>Waits for stored state the bot writes in the background (no fixed sleeps): polls until a check passes or the reply timeout ends.</summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task<T> UntilAsync<T>(Func<Task<T?>> read, Func<T?, bool> done, string what)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + EndToEndHarness.ReplyTimeout;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value!;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Not in time: {what}.");
            }

            await Task.Delay(Interval);
        }
    }
}

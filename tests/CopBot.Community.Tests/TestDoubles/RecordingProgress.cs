using CopBot.Community;

namespace CopBot.Community.Tests.TestDoubles;

/// <summary>Records reports synchronously (Progress&lt;T&gt; would post them to the thread pool, racing the asserts).</summary>
internal sealed class RecordingProgress : IProgress<ImportProgress>
{
    public List<ImportProgress> Reports { get; } = [];

    public void Report(ImportProgress value) => Reports.Add(value);
}

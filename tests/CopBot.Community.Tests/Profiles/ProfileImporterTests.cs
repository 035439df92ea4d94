using CopBot.Community;
using CopBot.Community.Tests.TestDoubles;

namespace CopBot.Community.Tests.Profiles;

public class ProfileImporterTests
{
    private const string Ana = """{"id":"29:1ana","name":"Ana","skills":["cash transfers"]}""";
    private const string Ben = """{"id":"29:1ben","name":"Ben","skills":["hiv"]}""";

    private readonly InMemoryProfileStore _store = new();

    [Fact]
    public async Task ImportAsync_MixOfGoodAndBadLines_ImportsGoodLinesAndReportsBadOnesByLineNumber()
    {
        var file = string.Join('\n', Ana, "{not json", "", """{"id":"29:1eve"}""", Ben);

        var summary = await Import(file);

        Assert.Equal(2, summary.Created);
        Assert.Equal([2, 4], summary.Errors.Select(e => e.LineNumber));
        Assert.Equal("29:1eve", summary.Errors[1].ProfileId);
        Assert.Contains("'name' is required", summary.Errors[1].Reason, StringComparison.Ordinal);
        Assert.NotNull(await _store.GetAsync("default", "29:1ben", default));
    }

    [Fact]
    public async Task ImportAsync_BadBusyUntil_RejectsThatLineWithNumberAndReasonKeepsTheOthers()
    {
        var file = string.Join('\n', Ana, """{"id":"29:1eve","name":"Eve","busyUntil":"after the holidays"}""", """{"id":"29:1ben","name":"Ben","busyUntil":"2025-08-01"}""");

        var summary = await Import(file);

        Assert.Equal(2, summary.Created);
        var error = Assert.Single(summary.Errors);
        Assert.Equal(2, error.LineNumber);
        Assert.Contains("'busyUntil' must be an ISO 8601 date", error.Reason, StringComparison.Ordinal);
        Assert.Null(await _store.GetAsync("default", "29:1eve", default));
        Assert.Equal(new DateTimeOffset(2025, 8, 1, 0, 0, 0, TimeSpan.Zero), (await _store.GetAsync("default", "29:1ben", default))?.BusyUntil);
    }

    [Fact]
    public async Task ImportAsync_SameFileTwice_SecondRunCreatesNothingAndWritesNothing()
    {
        var file = string.Join('\n', Ana, Ben);
        await Import(file);
        var writesAfterFirstRun = _store.Writes;

        var summary = await Import(file);

        Assert.Equal(new ImportSummary(0, 0, 2, []), summary with { Errors = [] });
        Assert.Empty(summary.Errors);
        Assert.Equal(writesAfterFirstRun, _store.Writes);
    }

    [Fact]
    public async Task ImportAsync_ChangedProfile_CountsUpdate()
    {
        await Import(Ana);

        var summary = await Import("""{"id":"29:1ana","name":"Ana Costa","skills":["cash transfers"]}""");

        Assert.Equal(1, summary.Updated);
        Assert.Equal("Ana Costa", (await _store.GetAsync("default", "29:1ana", default))?.Name);
    }

    [Fact]
    public async Task ImportAsync_SameIdTwiceInFile_RejectsTheSecondLine()
    {
        var summary = await Import(string.Join('\n', Ana, Ana.Replace("\"Ana\"", "\"Ana 2\"", StringComparison.Ordinal)));

        Assert.Equal(1, summary.Created);
        var error = Assert.Single(summary.Errors);
        Assert.Equal(2, error.LineNumber);
        Assert.Contains("first on line 1", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_SameIdInTwoCommunities_ImportsBoth()
    {
        var summary = await Import(string.Join('\n', Ana, """{"id":"29:1ana","name":"Ana","community":"fire"}"""));

        Assert.Equal(2, summary.Created);
    }

    [Fact]
    public async Task ImportAsync_StoreRefusesAValue_ReportsLineAndContinues()
    {
        _store.FailWith = p => p.Id == "29:1ana" ? new ArgumentException("id too long once encoded") : null;

        var summary = await Import(string.Join('\n', Ana, Ben));

        Assert.Equal(1, summary.Created);
        Assert.Equal(new ImportError(1, "29:1ana", "id too long once encoded"), Assert.Single(summary.Errors));
    }

    [Fact]
    public async Task ImportAsync_StoreUnavailable_Propagates()
    {
        _store.FailWith = _ => new InvalidOperationException("storage down");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Import(Ana));
    }

    [Fact]
    public async Task ImportAsync_ByteOrderMarkAndWindowsLineEnds_AreTolerated()
    {
        var summary = await Import("\uFEFF" + Ana + "\r\n" + Ben + "\r\n");

        Assert.Equal(2, summary.Created);
        Assert.Empty(summary.Errors);
    }

    [Fact]
    public async Task ImportAsync_LineTooLong_IsRejectedWithoutParsing()
    {
        var hugeLine = "{\"id\":\"x\",\"name\":\"" + new string('a', ProfileImporter.MaxLineLength) + "\"}";

        var summary = await Import(hugeLine);

        Assert.Contains("longer than", Assert.Single(summary.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_BatchOfOne_ReportsAfterEveryNonBlankLine()
    {
        var progress = new RecordingProgress();

        await new ProfileImporter(_store, batchSize: 1).ImportAsync(new StringReader(string.Join('\n', Ana, "", "oops", Ben)), progress);

        Assert.Equal(
            [new ImportProgress(1, 1, 0, 0, 0), new ImportProgress(3, 1, 0, 0, 1), new ImportProgress(4, 2, 0, 0, 1)],
            progress.Reports);
    }

    [Fact]
    public async Task ImportAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new ProfileImporter(_store).ImportAsync(new StringReader(Ana), cancellationToken: cancelled.Token));
    }

    [Fact]
    public async Task ImportAsync_DefaultBatch_ReportsBadLinesAtOnceAndProfilesWhenWritten()
    {
        var progress = new RecordingProgress();

        await new ProfileImporter(_store).ImportAsync(new StringReader(string.Join('\n', Ana, "", "oops", Ben)), progress);

        Assert.Equal([new ImportProgress(3, 0, 0, 0, 1), new ImportProgress(4, 2, 0, 0, 1)], progress.Reports);
    }

    private Task<ImportSummary> Import(string file) => new ProfileImporter(_store).ImportAsync(new StringReader(file));
}

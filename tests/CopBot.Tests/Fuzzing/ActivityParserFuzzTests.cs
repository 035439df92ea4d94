using System.Text;
using System.Text.Json.Nodes;
using CopBot.Hosting;
using CsCheck;
using Microsoft.AspNetCore.Http;

namespace CopBot.Tests.Fuzzing;

/// <summary>
/// The activity reader on random bodies and randomly edited recorded payloads: it never throws, and it either
/// hands over an activity with every field the turn relies on, or refuses with a 4xx and a reason.
/// </summary>
public sealed class ActivityParserFuzzTests
{
    private const int MaxBytes = 256 * 1024;

    private static readonly string[] PayloadNames =
    [
        "personal-message", "channel-message-mention", "invoke-adaptive-card-action", "action-submit-message",
        "conversation-update-bot-added", "installation-update-add", "message-reaction",
    ];

    [Fact]
    public void Read_RandomBodies_NeverThrowsAndRefusesWith4xx() =>
        Gen.OneOf<string>(FuzzInput.Text, Gen.String).Sample(body => AssertReadIsSound(body), iter: 3000, threads: 1);

    [Fact]
    public void Read_EditedRecordedPayloads_NeverThrowsAndAcceptsOnlyCompleteActivities() =>
        Gen.Select(Gen.OneOf(PayloadNames), FuzzInput.Edits).Sample(
            (name, edits) => AssertReadIsSound(FuzzInput.Apply(Recorded(name), edits).ToJsonString()),
            iter: 3000,
            threads: 1);

    private static void AssertReadIsSound(string body)
    {
        var result = ReadAsync(body).GetAwaiter().GetResult();
        if (result.Ok)
        {
            var activity = result.Activity!;
            Assert.False(string.IsNullOrWhiteSpace(activity.Type));
            Assert.False(string.IsNullOrWhiteSpace(activity.ChannelId));
            Assert.True(Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out _));
            Assert.False(string.IsNullOrWhiteSpace(activity.Conversation?.Id));
            Assert.False(string.IsNullOrWhiteSpace(activity.From?.Id));
        }
        else
        {
            Assert.InRange(result.StatusCode, 400, 499);
            Assert.False(string.IsNullOrWhiteSpace(result.Problem));
        }
    }

    private static Task<ActivityReader.Result> ReadAsync(string body)
    {
        var http = new DefaultHttpContext();
        var bytes = Encoding.UTF8.GetBytes(body);
        http.Request.ContentType = "application/json";
        http.Request.ContentLength = bytes.Length;
        http.Request.Body = new MemoryStream(bytes);
        return ActivityReader.ReadAsync(http.Request, MaxBytes, CancellationToken.None);
    }

    private static JsonObject Recorded(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", name + ".json")))!.AsObject();
}

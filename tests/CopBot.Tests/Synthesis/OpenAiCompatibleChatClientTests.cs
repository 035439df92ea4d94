using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CopBot.Features.Synthesis;
using Microsoft.Extensions.AI;

namespace CopBot.Tests.Synthesis;

public class OpenAiCompatibleChatClientTests
{
    [Fact]
    public async Task GetResponseAsync_SendsMessagesKeyAndJsonFormat_ReadsTheFirstChoice()
    {
        HttpRequestMessage? sent = null;
        string? body = null;
        using var handler = new StubHandler(async request =>
        {
            sent = request;
            body = await request.Content!.ReadAsStringAsync();
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"choices":[{"message":{"role":"assistant","content":"{\"synopsis\":\"s\"}"}}]}""", Encoding.UTF8, "application/json"),
            };
        });
        using var http = new HttpClient(handler);
        using var client = new OpenAiCompatibleChatClient(http, new Uri("https://example.test/chat/completions"), "secret", "gpt-test");

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "be brief"), new ChatMessage(ChatRole.User, "hello")],
            new ChatOptions { ResponseFormat = ChatResponseFormat.Json, Temperature = 0.2f });

        Assert.Equal("{\"synopsis\":\"s\"}", response.Text);
        Assert.Equal("secret", sent!.Headers.GetValues("api-key").Single());
        var json = JsonNode.Parse(body!)!;
        Assert.Equal("gpt-test", (string?)json["model"]);
        Assert.Equal("json_object", (string?)json["response_format"]!["type"]);
        Assert.Equal(["system", "user"], json["messages"]!.AsArray().Select(m => (string?)m!["role"]));
    }

    [Fact]
    public async Task GetResponseAsync_ServerError_Throws()
    {
        using var handler = new StubHandler(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.TooManyRequests)));
        using var http = new HttpClient(handler);
        using var client = new OpenAiCompatibleChatClient(http, new Uri("https://example.test/chat/completions"), "secret", null);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hello")]));
    }

    private sealed class StubHandler(Func<HttpRequestMessage, Task<HttpResponseMessage>> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => respond(request);
    }
}

// Exits 0 when CopBot's /healthz answers 2xx (Table Storage reachable), 1 otherwise. Usage: [url]
var url = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:8080/healthz");
using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
try
{
    using var response = await client.GetAsync(url);
    return response.IsSuccessStatusCode ? 0 : 1;
}
catch (HttpRequestException)
{
    return 1;
}
catch (TaskCanceledException)
{
    return 1; // timed out
}

using Microsoft.IdentityModel.Protocols;

namespace CopBot.Protocol.Authentication;

/// <summary>
/// Fetches the OpenID configuration and the JWKS it points to. Each address is judged on its own: https is
/// required unless that very address is loopback, so a loopback metadata document cannot point the JWKS at
/// a plain-http remote host. A fresh factory client per fetch keeps DNS and handler rotation working.
/// </summary>
internal sealed class MetadataDocumentRetriever(IHttpClientFactory httpClientFactory) : IDocumentRetriever
{
    public const string HttpClientName = "CopBot.BotAuthentication.Metadata";

    public Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        var loopback = Uri.TryCreate(address, UriKind.Absolute, out var uri) && MetadataAddressPolicy.IsLoopback(uri);
        var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(HttpClientName)) { RequireHttps = !loopback };
        return retriever.GetDocumentAsync(address, cancel);
    }
}

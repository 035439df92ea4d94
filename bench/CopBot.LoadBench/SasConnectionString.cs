using Azure.Data.Tables;
using Azure.Data.Tables.Sas;
using CopBot.Testing;

namespace CopBot.LoadBench;

/// <summary>
/// A connection string with an account SAS instead of the account key: requests carry a precomputed signature, as
/// with a managed identity's bearer token, instead of an HMAC computed per request.
/// </summary>
internal static class SasConnectionString
{
    public static string For(AzuriteServer azurite)
    {
        var service = new TableServiceClient(new Uri(azurite.Endpoint), new TableSharedKeyCredential(AzuriteServer.AccountName, AzuriteServer.AccountKey));
        var sas = service.GenerateSasUri(TableAccountSasPermissions.All, TableAccountSasResourceTypes.All, DateTimeOffset.UtcNow.AddDays(1));
        return $"TableEndpoint={azurite.Endpoint};SharedAccessSignature={sas.Query.TrimStart('?')}";
    }
}

using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace CopBot.Storage;

/// <summary>Builds the <see cref="TableServiceClient"/> the options ask for. Nothing here touches the network.</summary>
public static class TableStorageClients
{
    /// <summary>The credential for identity-based access, or null when a connection string is used.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static TokenCredential? CreateCredential(TableStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options.Access switch
        {
            TableStorageAccess.ManagedIdentity =>
                new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId!)),
            TableStorageAccess.DefaultAzureCredential => new DefaultAzureCredential(),
            _ => null,
        };
    }

    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static TableServiceClient Create(TableStorageOptions options, TableClientOptions? clientOptions = null)
    {
        var credential = CreateCredential(options);
        return credential is null
            ? new TableServiceClient(options.ConnectionString, clientOptions)
            : new TableServiceClient(options.TableEndpoint!, credential, clientOptions);
    }
}

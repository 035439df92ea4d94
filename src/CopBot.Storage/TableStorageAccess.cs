namespace CopBot.Storage;

/// <summary>How CopBot authenticates to Table Storage, as chosen by <see cref="TableStorageOptions"/>.</summary>
public enum TableStorageAccess
{
    /// <summary>A connection string (account key, SAS, or the local emulator).</summary>
    ConnectionString,

    /// <summary>
    /// An Entra token from <c>DefaultAzureCredential</c>: a system-assigned identity in Azure (or the one named by
    /// <c>AZURE_CLIENT_ID</c>), a developer's Azure CLI or Visual Studio sign-in elsewhere.
    /// </summary>
    DefaultAzureCredential,

    /// <summary>An Entra token of the user-assigned managed identity named by its client id.</summary>
    ManagedIdentity,
}

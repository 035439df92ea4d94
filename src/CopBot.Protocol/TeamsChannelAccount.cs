using System.Text.Json;
using System.Text.Json.Serialization;

namespace CopBot.Protocol;

/// <summary>A member as the roster (<c>pagedmembers</c>) returns it: the channel account plus directory details.</summary>
public sealed class TeamsChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadObjectId { get; set; }

    /// <summary>Teams' roster (<c>pagedmembers</c>) names the Entra object id <c>objectId</c>; other payloads <c>aadObjectId</c>.</summary>
    public string? ObjectId { get; set; }

    /// <summary>The Entra object id under either name.</summary>
    [JsonIgnore]
    public string? EntraObjectId => AadObjectId ?? ObjectId;

    public string? Email { get; set; }

    public string? UserPrincipalName { get; set; }

    public string? GivenName { get; set; }

    public string? Surname { get; set; }

    public string? TenantId { get; set; }

    /// <summary><c>user</c>, <c>guest</c> or <c>anonymous</c>.</summary>
    public string? UserRole { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>The account to address this member in a new conversation.</summary>
    public ChannelAccount ToChannelAccount() => new() { Id = Id, Name = Name, AadObjectId = EntraObjectId };
}

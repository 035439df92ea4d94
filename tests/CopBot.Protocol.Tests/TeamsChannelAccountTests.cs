using System.Text.Json;
using CopBot.Protocol;

namespace CopBot.Protocol.Tests;

public class TeamsChannelAccountTests
{
    [Fact]
    public void Deserialize_RosterMember_ReadsDirectoryFields()
    {
        const string json = """
            {"id":"29:1GcS4EN9ej","name":"Ada Lovelace","aadObjectId":"3f6c9b1e","givenName":"Ada","surname":"Lovelace",
             "email":"ada@contoso.com","userPrincipalName":"ada@contoso.com","tenantId":"tenant-1","userRole":"user"}
            """;

        var member = JsonSerializer.Deserialize<TeamsChannelAccount>(json, ProtocolJson.Options)!;

        Assert.Equal("ada@contoso.com", member.Email);
        Assert.Equal("ada@contoso.com", member.UserPrincipalName);
        Assert.Equal("Ada", member.GivenName);
        Assert.Equal("Lovelace", member.Surname);
        Assert.Equal("tenant-1", member.TenantId);
        Assert.Equal("user", member.UserRole);
    }

    [Fact]
    public void Deserialize_RosterMemberWithObjectId_IsTheEntraObjectId()
    {
        const string json = """{"id":"29:1GcS4EN9ej","name":"Ada Lovelace","objectId":"9d3e08f9-a7ae-43aa-a4d3-de3f319a8a9c","email":"ada@contoso.com"}""";

        var member = JsonSerializer.Deserialize<TeamsChannelAccount>(json, ProtocolJson.Options)!;

        Assert.Equal("9d3e08f9-a7ae-43aa-a4d3-de3f319a8a9c", member.EntraObjectId);
        Assert.Equal("9d3e08f9-a7ae-43aa-a4d3-de3f319a8a9c", member.ToChannelAccount().AadObjectId);
    }

    [Fact]
    public void ToChannelAccount_Member_KeepsIdNameAndObjectId()
    {
        var account = new TeamsChannelAccount { Id = "29:x", Name = "Ada", AadObjectId = "oid", Email = "ada@contoso.com" }.ToChannelAccount();

        Assert.Equal(("29:x", "Ada", "oid"), (account.Id, account.Name, account.AadObjectId));
    }
}

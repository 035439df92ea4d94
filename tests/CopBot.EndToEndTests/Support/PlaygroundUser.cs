namespace CopBot.EndToEndTests.Support;

/// <summary>A person of the mock tenant, with every field the playground's schema requires.</summary>
public sealed record PlaygroundUser(
    string Id, string Name, string UserPrincipleName, string AadObjectId, string GivenName, string Surname, string Email);

using CopBot.Community;

namespace CopBot.Community.Tests.Contacts;

public class ContactMergingTests
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Merge_NewerMember_KeepsStoredFirstSeenAndTakesNewerLastSeen()
    {
        var stored = Member(Monday, Monday);
        var incoming = Member(Monday.AddDays(2), Monday.AddDays(2));

        var merged = ContactMerging.Merge(stored, incoming);

        Assert.Equal(Monday, merged.FirstSeen);
        Assert.Equal(Monday.AddDays(2), merged.LastSeen);
    }

    [Fact]
    public void Merge_IncomingWithoutPersonalConversation_KeepsStoredOne()
    {
        var stored = Member(Monday, Monday) with { PersonalConversationId = "a:1personal" };
        var incoming = Member(Monday.AddHours(1), Monday.AddHours(1)) with { PersonalConversationId = null, Name = "Ana B." };

        var merged = ContactMerging.Merge(stored, incoming);

        Assert.Equal("a:1personal", merged.PersonalConversationId);
        Assert.Equal("Ana B.", merged.Name);
    }

    [Fact]
    public void Merge_OlderIncoming_DoesNotMoveLastSeenBackOrOverwriteNewerValues()
    {
        var stored = Member(Monday, Monday.AddDays(1)) with { ServiceUrl = "https://smba.example/new/" };
        var incoming = Member(Monday, Monday) with { ServiceUrl = "https://smba.example/old/", Name = null };

        var merged = ContactMerging.Merge(stored, incoming);

        Assert.Equal(Monday.AddDays(1), merged.LastSeen);
        Assert.Equal("https://smba.example/new/", merged.ServiceUrl);
        Assert.Equal("Ana", merged.Name);
    }

    [Fact]
    public void Merge_ConversationWithoutTeamName_KeepsStoredTeamName()
    {
        var stored = new ConversationContact("msteams", "https://smba.example/", "19:c@thread.tacv2", "channel",
            "tenant", "team-1", "Cash CoP", "28:bot", "CopBot", Monday, Monday);
        var incoming = stored with { TeamName = null, LastSeen = Monday.AddDays(1), FirstSeen = Monday.AddDays(1) };

        var merged = ContactMerging.Merge(stored, incoming);

        Assert.Equal(stored with { LastSeen = Monday.AddDays(1) }, merged);
    }

    private static MemberContact Member(DateTimeOffset firstSeen, DateTimeOffset lastSeen) =>
        new("tenant", "29:1ana", "0d3b6a7e-0000-4000-8000-000000000001", "Ana", "msteams", "https://smba.example/", null, firstSeen, lastSeen);
}

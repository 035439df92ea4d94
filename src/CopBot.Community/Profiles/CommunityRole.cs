namespace CopBot.Community;

/// <summary>What a person does in the community; routing and moderation features look at these.</summary>
public enum CommunityRole
{
    Member,
    Expert,
    Facilitator,
    Coordinator,
    KnowledgeManager,
}

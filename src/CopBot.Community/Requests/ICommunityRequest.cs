namespace CopBot.Community;

/// <summary>What every modality's request has: where it lives, who made it, and its thread.</summary>
public interface ICommunityRequest
{
    string Community { get; }

    string Id { get; }

    string RequesterId { get; }

    QueryPlace Place { get; }
}

namespace CopBot.Cards;

/// <summary>The tone of a <see cref="NoticeCard"/>.</summary>
public enum NoticeKind
{
    Info,
    Warning,
    Error,
}

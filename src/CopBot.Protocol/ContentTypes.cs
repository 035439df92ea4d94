namespace CopBot.Protocol;

/// <summary>Content types of attachments and of the bodies Teams expects in invoke responses.</summary>
public static class ContentTypes
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    public const string ActivityMessage = "application/vnd.microsoft.activity.message";
    public const string Error = "application/vnd.microsoft.error";
}

namespace CopBot.Features.Digest;

/// <summary>Log events of the digest (ids 850–879, apart from the others so features merge without clashes).</summary>
internal static partial class DigestLog
{
    [LoggerMessage(EventId = 850, Level = LogLevel.Information, Message = "Digest {Period} posted in {Conversation}")]
    public static partial void Posted(ILogger logger, string period, string conversation);

    [LoggerMessage(EventId = 851, Level = LogLevel.Information, Message = "Digest {Period}: nothing to say, not posted")]
    public static partial void Quiet(ILogger logger, string period);

    [LoggerMessage(EventId = 852, Level = LogLevel.Warning, Message = "Digest {Period} not posted: the community has no channel yet (add the bot to a team)")]
    public static partial void NoChannel(ILogger logger, string period);

    [LoggerMessage(EventId = 853, Level = LogLevel.Error, Message = "Digest {Period} failed; it is retried once its claim's lease runs out")]
    public static partial void Failed(ILogger logger, Exception exception, string period);

}

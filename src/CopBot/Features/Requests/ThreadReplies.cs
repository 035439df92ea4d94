using CopBot.Features.Help;
using CopBot.Protocol;
using CopBot.Turns;

namespace CopBot.Features.Requests;

/// <summary>
/// Which messages may be replies to a request's thread rather than commands. With the RSC permission
/// ChannelMessage.Read.Group Teams sends the bot every reply; without it only the ones that @mention it: both count
/// (the mention is stripped), but an @mention followed by a command (e.g. "@CopBot help") stays a command.
/// </summary>
public static class ThreadReplies
{
    /// <summary>Routes claiming thread replies run before the commands: in a request's thread an un-mentioned "query …" is a reply.</summary>
    public const int RouteOrder = -100;

    public static bool MayBeReply(TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        return activity.Type == ActivityTypes.Message && turn.CardActionRequest is null && !activity.IsPersonal()
            && !string.IsNullOrWhiteSpace(turn.Text)
            && (!MentionsBot(activity) || CommandCatalog.Find(turn.Command.Command) is null);
    }

    private static bool MentionsBot(Activity activity) =>
        activity.GetMentions().Any(m => m.Mentioned?.Id is { } id && id == activity.Recipient?.Id);
}

using CopBot.Cards;
using CopBot.Features.Contacts;
using CopBot.Features.Help;
using CopBot.Protocol;
using CopBot.Turns;

namespace CopBot.Features.Welcome;

/// <summary>
/// Greets a team, group chat or person when the bot is added. Teams announces an install twice (a
/// conversationUpdate with the bot among membersAdded and an installationUpdate); only the conversationUpdate greets.
/// Joining a team or group chat also saves its roster, so members can be reached 1:1 later.
/// The conversation reference itself is saved for every activity by the contact recorder.
/// </summary>
public sealed class WelcomeFeature(RosterSync roster) : IBotFeature
{
    public IEnumerable<TurnRoute> Routes =>
    [
        new("welcome", IsBotAdded, WelcomeAsync),
        new("installation", t => t.Activity.Type == ActivityTypes.InstallationUpdate, (_, _) => Task.CompletedTask),
        new("conversation-update", t => t.Activity.Type == ActivityTypes.ConversationUpdate, (_, _) => Task.CompletedTask),
    ];

    public IEnumerable<CardActionRoute> CardActions => [];

    private static bool IsBotAdded(TurnContext turn) =>
        turn.Activity.Type == ActivityTypes.ConversationUpdate
        && turn.Activity.MembersAdded?.Any(m => m.Id == turn.Activity.Recipient?.Id) == true;

    private async Task WelcomeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var scope = turn.Activity.Conversation?.ConversationType switch
        {
            ConversationTypes.Channel => WelcomeScope.Team,
            ConversationTypes.GroupChat => WelcomeScope.GroupChat,
            _ => WelcomeScope.Personal,
        };
        var view = new WelcomeView(scope, CommandCatalog.All)
        {
            UserName = scope == WelcomeScope.Personal ? turn.Activity.From?.Name : null,
            TeamName = turn.Activity.GetTeamsChannelData()?.Team?.Name,
        };
        if (scope != WelcomeScope.Personal)
        {
            await roster.SaveMembersAsync(turn.Activity, cancellationToken);
        }

        await turn.ReplyAsync(WelcomeCard.Build(view), "Welcome to CopBot", cancellationToken);
    }
}

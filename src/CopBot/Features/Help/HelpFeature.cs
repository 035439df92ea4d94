using CopBot.Cards;
using CopBot.Protocol;
using CopBot.Turns;

namespace CopBot.Features.Help;

/// <summary>
/// The help list, the detail view behind each command's button, and the catch-all: any text no feature claims
/// gets the list of what the bot can do instead of silence.
/// </summary>
public sealed class HelpFeature : IBotFeature
{
    public IEnumerable<TurnRoute> Routes =>
    [
        new("help", t => t.Activity.Type == ActivityTypes.Message && (t.Command.Is("help") || t.Command.Is("?")), ShowHelpAsync),
        new("unknown-text", t => t.Activity.Type == ActivityTypes.Message && t.CardActionRequest is null, ShowHelpForUnknownAsync, TurnRoute.Fallback),
    ];

    public IEnumerable<CardActionRoute> CardActions =>
    [
        new(CardVerbs.HelpShow, ShowTopicAsync),
        new(CardVerbs.HelpBack, (_, _, _) => Task.FromResult(CardActionResult.Replace(HelpCard.Build(CommandCatalog.All)))),
    ];

    private static async Task ShowHelpAsync(TurnContext turn, CancellationToken cancellationToken) =>
        await turn.ReplyAsync(HelpCard.Build(CommandCatalog.All), "What I can do", cancellationToken);

    private static async Task ShowHelpForUnknownAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        // The fallback only sees text no feature claimed: a catalog command arriving here is one not built yet.
        var intro = string.IsNullOrWhiteSpace(turn.Text) ? "Hello! Here is what I can do."
            : CommandCatalog.Find(turn.Command.Command) is { } planned
                ? $"\"{planned.Name}\" is not available in this version yet; to get help from the community now, use query."
                : $"I did not recognise \"{Shorten(turn.Command.Command)}\" as a command. Here is what I can do.";
        await turn.ReplyAsync(HelpCard.Build(CommandCatalog.All, intro), "What I can do", cancellationToken);
    }

    private static string Shorten(string word) => word.Length <= 40 ? word : word[..40] + "…";

    // Without a command (the welcome card's "All commands" button) help.show means the whole list, as CardVerbs.HelpShow says.
    private static Task<CardActionResult> ShowTopicAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken) =>
        Task.FromResult(action.GetString(CardDataKeys.Command) is not { } name
            ? CardActionResult.Replace(HelpCard.Build(CommandCatalog.All))
            : CommandCatalog.Find(name) is { } command
            ? CardActionResult.Replace(HelpTopicCard.Build(command, CommandCatalog.Details(command.Name)))
            : CardActionResult.Refuse(StatusCodes.Status400BadRequest, "I do not know that command. Type help to see the list."));
}

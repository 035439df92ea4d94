namespace CopBot.Protocol;

/// <summary>Removes the bot's own @mention from message text so commands read the same in channels and chats.</summary>
internal static class BotMention
{
    public static string Strip(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        var bot = activity.Recipient;
        if (bot is null || text.Length == 0)
        {
            return text.Trim();
        }

        // The entity's text is the exact markup Teams put in the message, which may differ from the bot's name.
        foreach (var mention in activity.Entities ?? [])
        {
            if (mention.IsMention && mention.Text is { Length: > 0 } markup
                && string.Equals(mention.Mentioned?.Id, bot.Id, StringComparison.OrdinalIgnoreCase))
            {
                text = RemoveAll(text, markup);
            }
        }

        // Some clients send no entities: fall back to the markup Teams writes for the bot's display name.
        if (!string.IsNullOrWhiteSpace(bot.Name))
        {
            text = RemoveAll(text, $"<at>{bot.Name}</at>");
        }

        return text.Trim();
    }

    /// <summary>Removes every occurrence, leaving one space where the mention sat between two words.</summary>
    private static string RemoveAll(string text, string markup)
    {
        var at = text.IndexOf(markup, StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var end = at + markup.Length;
            if (at > 0 && end < text.Length && char.IsWhiteSpace(text[at - 1]) && char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            text = text.Remove(at, end - at);
            at = text.IndexOf(markup, at, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }
}

using System.Globalization;
using System.Text.Json;

namespace CopBot.Storage;

/// <summary>Lists kept in one row as JSON strings, and checks that text fits one Table Storage property.</summary>
internal static class JsonColumn
{
    /// <summary>A property holds at most 64 KiB, that is 32 Ki UTF-16 characters.</summary>
    public const int MaxTextLength = 32 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value, string column) => CheckText(JsonSerializer.Serialize(value, Options), column)!;

    public static T Read<T>(string? json, T whenMissing) =>
        string.IsNullOrEmpty(json) ? whenMissing : JsonSerializer.Deserialize<T>(json, Options) ?? whenMissing;

    public static string? CheckText(string? text, string column) => text is { Length: > MaxTextLength }
        ? throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"'{column}' is {text.Length} characters; a Table Storage property holds {MaxTextLength}."),
            column)
        : text;
}

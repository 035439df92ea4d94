using System.Text;
using Azure.Data.Tables;

namespace CopBot.Storage;

/// <summary>
/// A record kept as JSON split over columns <c>Json0</c>, <c>Json1</c>…, because one property holds at most 64 KiB
/// while a row holds 1 MiB.
/// </summary>
internal static class JsonChunks
{
    private const string Prefix = "Json";

    /// <exception cref="ArgumentException">The JSON needs more than <paramref name="maxChunks"/> columns.</exception>
    public static void Write(TableEntity entity, string json, int maxChunks, string what)
    {
        var chunks = (json.Length + JsonColumn.MaxTextLength - 1) / JsonColumn.MaxTextLength;
        if (chunks > maxChunks)
        {
            throw new ArgumentException($"{what} is too large to store ({json.Length} characters).", nameof(json));
        }

        for (var i = 0; i < chunks; i++)
        {
            var start = i * JsonColumn.MaxTextLength;
            entity[Prefix + i] = json.Substring(start, Math.Min(JsonColumn.MaxTextLength, json.Length - start));
        }
    }

    public static string Read(TableEntity entity)
    {
        var json = new StringBuilder();
        for (var i = 0; entity.GetString(Prefix + i) is { } chunk; i++)
        {
            json.Append(chunk);
        }

        return json.ToString();
    }
}

using System.Globalization;
using System.Text.Json;

namespace CopBot.Protocol.Tests;

/// <summary>
/// Compares JSON by meaning: property order is free, a null property equals a missing one, and two ISO 8601
/// timestamps are equal when they name the same instant with the same offset ("Z" and "+00:00" alike).
/// </summary>
internal static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        using var expectedDocument = JsonDocument.Parse(expected);
        using var actualDocument = JsonDocument.Parse(actual);
        var difference = Compare(expectedDocument.RootElement, actualDocument.RootElement, "$");
        Assert.True(difference is null, difference);
    }

    private static string? Compare(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected {expected.ValueKind} {expected}, got {actual.ValueKind} {actual}";
        }

        return expected.ValueKind switch
        {
            JsonValueKind.Object => CompareObjects(expected, actual, path),
            JsonValueKind.Array => CompareArrays(expected, actual, path),
            JsonValueKind.String => SameString(expected.GetString()!, actual.GetString()!) ? null : $"{path}: expected \"{expected}\", got \"{actual}\"",
            JsonValueKind.Number => expected.GetDecimal() == actual.GetDecimal() ? null : $"{path}: expected {expected}, got {actual}",
            _ => null,
        };
    }

    private static string? CompareObjects(JsonElement expected, JsonElement actual, string path)
    {
        var expectedProperties = Present(expected);
        var actualProperties = Present(actual);
        var missing = expectedProperties.Keys.Except(actualProperties.Keys).ToList();
        var extra = actualProperties.Keys.Except(expectedProperties.Keys).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            return $"{path}: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", extra)}]";
        }

        return expectedProperties
            .Select(p => Compare(p.Value, actualProperties[p.Key], $"{path}.{p.Key}"))
            .FirstOrDefault(d => d is not null);
    }

    private static string? CompareArrays(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.GetArrayLength() != actual.GetArrayLength())
        {
            return $"{path}: expected {expected.GetArrayLength()} items, got {actual.GetArrayLength()}";
        }

        return expected.EnumerateArray().Zip(actual.EnumerateArray())
            .Select((pair, i) => Compare(pair.First, pair.Second, $"{path}[{i}]"))
            .FirstOrDefault(d => d is not null);
    }

    private static Dictionary<string, JsonElement> Present(JsonElement element) =>
        element.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).ToDictionary(p => p.Name, p => p.Value);

    private static bool SameString(string expected, string actual) =>
        expected == actual
        || (LooksLikeTimestamp(expected) && LooksLikeTimestamp(actual)
            && DateTimeOffset.TryParse(expected, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var e)
            && DateTimeOffset.TryParse(actual, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var a)
            && e.EqualsExact(a));

    private static bool LooksLikeTimestamp(string value) => value.Length >= 20 && value[4] == '-' && value[10] == 'T';
}

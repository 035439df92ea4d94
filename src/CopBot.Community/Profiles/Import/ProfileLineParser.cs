using System.Text.Json;

namespace CopBot.Community;

/// <summary>
/// Parses one line of the profile import format (JSON Lines, one profile per line) into a validated, normalised
/// <see cref="ExpertProfile"/>. Unknown properties are ignored so that richer exports can be imported as they are.
/// </summary>
public static class ProfileLineParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 8 };

    public static ProfileParseResult Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, DocumentOptions);
        }
        catch (JsonException e)
        {
            return ProfileParseResult.Failure($"invalid JSON (at byte {e.BytePositionInLine ?? 0})");
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? Read(document.RootElement)
                : ProfileParseResult.Failure("a line must hold one JSON object");
        }
    }

    private static ProfileParseResult Read(JsonElement root)
    {
        var errors = new List<string>();
        var fields = new JsonObjectReader(root, path: "", errors);
        var id = fields.Text("id", ProfileLimits.MaxIdLength, required: true);
        var name = fields.Text("name", ProfileLimits.MaxNameLength, required: true);
        var community = fields.Text("community", ProfileLimits.MaxCommunityLength) ?? ExpertProfile.DefaultCommunity;
        var aadObjectId = ReadAadObjectId(fields);
        var email = ReadEmail(fields);
        var skills = SkillsReader.Read(fields);
        var bio = fields.Text("bio", ProfileLimits.MaxBioLength, multiline: true);
        var languages = fields.TextList("languages", ProfileLimits.MaxLanguages, ProfileLimits.MaxLanguageLength);
        var location = fields.Text("location", ProfileLimits.MaxShortTextLength);
        var organization = fields.Text("organization", ProfileLimits.MaxShortTextLength);
        var roles = RolesReader.Read(fields);
        var maxOpenRequests = fields.Integer(
            "maxOpenRequests", 0, ProfileLimits.MaxOpenRequestsLimit, ExpertProfile.DefaultMaxOpenRequests);
        var busyUntil = fields.Date("busyUntil");
        var history = HistoryReader.Read(fields);

        if (errors.Count > 0 || id is null || name is null)
        {
            return ProfileParseResult.Failure(string.Join("; ", errors), id);
        }

        return ProfileParseResult.Success(new ExpertProfile(community, id, name, skills, roles, maxOpenRequests)
        {
            AadObjectId = aadObjectId,
            Email = email,
            Bio = bio,
            Languages = languages,
            Location = location,
            Organization = organization,
            History = history,
            BusyUntil = busyUntil,
        });
    }

    // Entra object ids are GUIDs; one canonical spelling makes lookups exact.
    private static string? ReadAadObjectId(JsonObjectReader fields)
    {
        var text = fields.Text("aadObjectId", maxLength: 64);
        if (text is null)
        {
            return null;
        }

        if (Guid.TryParse(text, out var guid))
        {
            return guid.ToString("D");
        }

        fields.AddError("'aadObjectId' must be a GUID");
        return null;
    }

    private static string? ReadEmail(JsonObjectReader fields)
    {
        var email = fields.Text("email", ProfileLimits.MaxEmailLength);
        if (email is null)
        {
            return null;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        var looksLikeEmail = at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);
        if (looksLikeEmail)
        {
            return email;
        }

        fields.AddError("'email' must look like name@domain");
        return null;
    }
}

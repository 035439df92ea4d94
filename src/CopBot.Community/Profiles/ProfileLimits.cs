namespace CopBot.Community;

/// <summary>
/// Bounds the importer enforces. They keep a profile row well under Table Storage's limits (512 UTF-16 characters per
/// key once encoded, 64 KiB per property, 1 MiB per entity) and keep cards readable.
/// </summary>
public static class ProfileLimits
{
    public const int MaxIdLength = 160;
    public const int MaxCommunityLength = 50;
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxShortTextLength = 200;
    public const int MaxBioLength = 4_000;
    public const int MaxSkills = 50;
    public const int MaxTagLength = 64;
    public const int MaxLanguages = 20;
    public const int MaxLanguageLength = 50;
    public const int MaxHistoryItems = 100;
    public const int MaxHistoryTitleLength = 300;
    public const int MaxHistoryTextLength = 8_000;
    public const int MaxHistoryTags = 20;
    public const int MaxOpenRequestsLimit = 100;
}

namespace CopBot.Community;

/// <summary>Limits of the extractive engine; the defaults keep a draft readable on one card.</summary>
public sealed record ExtractiveOptions
{
    public int MaxKeyPoints { get; init; } = 12;

    /// <summary>Themes with a shared key term; the rest of the points go under "Other points".</summary>
    public int MaxThemes { get; init; } = 4;

    /// <summary>Most items in each of next steps, disagreements and open questions.</summary>
    public int MaxPerSection { get; init; } = 5;

    public int MaxResources { get; init; } = 10;

    /// <summary>Two sentences at least this similar (TF-IDF cosine) make one point; the second only adds its credit.</summary>
    public double DuplicateThreshold { get; init; } = 0.4;

    /// <summary>Sentences with fewer index terms carry no point ("Thanks!", "+1").</summary>
    public int MinTerms { get; init; } = 3;

    public int MaxPointLength { get; init; } = 300;

    public int MaxSynopsisLength { get; init; } = 600;
}

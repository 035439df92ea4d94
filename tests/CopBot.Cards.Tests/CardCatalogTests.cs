using System.Buffers.Binary;
using System.Reflection;
using CopBot.Testing;

namespace CopBot.Cards.Tests;

/// <summary>The card catalog: every builder covered, every card valid, every card pictured in docs/cards.</summary>
public sealed class CardCatalogTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static string Gallery => Path.Combine(AdaptiveCardValidator.RepoRoot, "docs", "cards");

    [Fact]
    public void EveryFixture_PassesOfficialParserWithinSizeLimit()
    {
        CardAssert.ValidFixtures(CardCatalog.All, writeGallery: true);
    }

    [Fact]
    public void EveryPublicBuilder_HasAtLeastOneFixture()
    {
        var builders = typeof(AdaptiveCard).Assembly.GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed) // static classes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(AdaptiveCard)).Select(m => $"{t.Name}.{m.Name}"))
            .ToHashSet();

        Assert.NotEmpty(builders);
        Assert.Empty(builders.Except(CardCatalog.All.Select(f => f.Builder)));
        Assert.Empty(CardCatalog.All.Select(f => f.Builder).Except(builders));
    }

    [Fact]
    public void FixtureNames_AreUniqueLowercaseFileNames()
    {
        var names = CardCatalog.All.Select(f => f.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", n));
    }

    [Fact]
    public void Gallery_HasAPngForEveryFixtureAndNoneStale()
    {
        var expected = CardCatalog.All.Select(f => f.Name + ".png").Order(StringComparer.Ordinal).ToList();
        var actual = Directory.GetFiles(Gallery, "*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.True(
            expected.SequenceEqual(actual),
            $"docs/cards is out of date: run tools/card-gallery/render.sh. Missing: {string.Join(", ", expected.Except(actual))}. "
            + $"Stale: {string.Join(", ", actual.Except(expected))}.");
        Assert.All(expected, png =>
        {
            var (width, height) = PngSize(Path.Combine(Gallery, png));
            Assert.True(width >= 100 && height >= 50, $"{png} is {width}×{height}");
        });
    }

    [Fact]
    public void GalleryReadme_ShowsEveryFixtureWithItsBuilderAndState()
    {
        var readme = File.ReadAllText(Path.Combine(Gallery, "README.md"));

        Assert.All(CardCatalog.All, f => Assert.Contains($"| `{f.Builder}` | {f.State} | ![{f.Name}]({f.Name}.png) |", readme, StringComparison.Ordinal));
    }

    private static (int Width, int Height) PngSize(string path)
    {
        var header = new byte[24];
        using (var file = File.OpenRead(path))
        {
            file.ReadExactly(header);
        }

        Assert.True(header.AsSpan(0, 8).SequenceEqual(PngSignature), $"{path} is not a PNG");
        return (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }
}

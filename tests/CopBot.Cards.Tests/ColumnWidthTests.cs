namespace CopBot.Cards.Tests;

public sealed class ColumnWidthTests
{
    public static TheoryData<ColumnWidth, string> Widths => new()
    {
        { ColumnWidth.Auto, "\"auto\"" },
        { ColumnWidth.Stretch, "\"stretch\"" },
        { ColumnWidth.Pixels(120), "\"120px\"" },
        { ColumnWidth.Weight(3), "3" },
    };

    [Theory]
    [MemberData(nameof(Widths))]
    public void Serialize_EachKind_WritesSchemaValue(ColumnWidth width, string expected)
    {
        var json = CardJson.Serialize(new AdaptiveCard { Body = [new ColumnSet([new Column([]) { Width = width }])] });

        Assert.Contains($"\"width\":{expected}", json);
    }

    [Fact]
    public void Default_Unset_IsAuto()
    {
        Assert.Equal(ColumnWidth.Auto, default);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Pixels_NotPositive_ThrowsArgumentOutOfRange(int pixels)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ColumnWidth.Pixels(pixels));
    }
}

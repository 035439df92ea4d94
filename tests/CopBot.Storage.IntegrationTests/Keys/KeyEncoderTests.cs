namespace CopBot.Storage.IntegrationTests.Keys;

public class KeyEncoderTests
{
    [Theory]
    [InlineData("29:1abcDEF-ghiJKL_mno")]
    [InlineData("19:abc123@thread.tacv2;messageid=1700000000000")]
    [InlineData("a:1xYz-PqR_sTuVwX")]
    [InlineData("0d3b6a7e-5f1c-4a2b-9c8d-7e6f5a4b3c2d")]
    [InlineData("café – 東京 🔥")]
    public void Encode_ReadableId_KeepsItAsIs(string id) => Assert.Equal(id, KeyEncoder.Encode(id));

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a\\b", "a%5Cb")]
    [InlineData("#tag?", "%23tag%3F")]
    [InlineData("100%", "100%25")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("\u007F", "%7F")]
    [InlineData("\u0085", "%C2%85")]
    [InlineData("a|b", "a|b")]
    public void Encode_ForbiddenCharacter_EscapesItsUtf8Bytes(string id, string expected) =>
        Assert.Equal(expected, KeyEncoder.Encode(id));

    [Theory]
    [InlineData("")]
    [InlineData("a/b\\c#d?e%f\u0000g\u001Fh\u009Fi")]
    [InlineData("%2F")]
    [InlineData("%%%")]
    [InlineData("🔥/🔥")]
    public void Decode_EncodedId_ReturnsOriginal(string id) => Assert.Equal(id, KeyEncoder.Decode(KeyEncoder.Encode(id)));

    [Fact]
    public void Encode_RandomStrings_NeverContainForbiddenCharactersAndRoundTrip()
    {
        var random = new Random(20250303);
        for (var n = 0; n < 2_000; n++)
        {
            var id = new string([.. Enumerable.Range(0, random.Next(0, 30)).Select(_ => (char)random.Next(0, 0xD7FF))]);

            var key = KeyEncoder.Encode(id);

            Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
            Assert.Equal(id, KeyEncoder.Decode(key));
        }
    }

    [Fact]
    public void Encode_KeyLongerThan512Characters_ThrowsClearArgumentException()
    {
        Assert.Equal(512, KeyEncoder.Encode(new string('a', 512)).Length);

        var error = Assert.Throws<ArgumentException>(() => KeyEncoder.Encode(new string('/', 171)));

        Assert.Contains("too long for a Table Storage key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_UnpairedSurrogate_Throws() =>
        Assert.Throws<ArgumentException>(() => KeyEncoder.Encode("a\uD800b"));

    [Theory]
    [InlineData("%")]
    [InlineData("%4")]
    [InlineData("%ZZ")]
    [InlineData("%C3")]
    public void Decode_MalformedEscape_Throws(string key) => Assert.Throws<ArgumentException>(() => KeyEncoder.Decode(key));

    [Fact]
    public void Join_PartsContainingSeparator_SplitsBackIntoTheSameParts()
    {
        string[] parts = ["cash|transfers", "29:1a/b", ""];

        var key = KeyEncoder.Join(parts);

        Assert.Equal("cash%7Ctransfers|29:1a%2Fb|", key);
        Assert.Equal(parts, KeyEncoder.Split(key));
    }
}

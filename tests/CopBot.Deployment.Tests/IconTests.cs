using System.Buffers.Binary;
using System.IO.Compression;

namespace CopBot.Deployment.Tests;

public sealed class IconTests
{
    [Fact]
    public async Task Committed_icons_are_what_make_icons_py_draws()
    {
        var output = Directory.CreateTempSubdirectory("copbot-icons-").FullName;
        try
        {
            var result = await ProcessRunner.RunAsync("python3", [Path.Combine(RepoPaths.Manifest, "make-icons.py"), output]);
            Assert.True(result.ExitCode == 0, result.Output);

            foreach (var icon in new[] { "color.png", "outline.png" })
            {
                // Pixels, not file bytes: another zlib build may compress the same image differently.
                Assert.True(
                    Pixels(Path.Combine(RepoPaths.Manifest, icon)).SequenceEqual(Pixels(Path.Combine(output, icon))),
                    icon + " differs from make-icons.py's drawing: run python3 manifest/make-icons.py and commit the result");
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static byte[] Pixels(string png)
    {
        var data = File.ReadAllBytes(png);
        using var idat = new MemoryStream();
        for (var offset = 8; offset < data.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(offset));
            if (data.AsSpan(offset + 4, 4).SequenceEqual("IDAT"u8))
            {
                idat.Write(data, offset + 8, length);
            }

            offset += 12 + length;
        }

        idat.Position = 0;
        using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
        using var pixels = new MemoryStream();
        inflate.CopyTo(pixels);
        return pixels.ToArray();
    }
}

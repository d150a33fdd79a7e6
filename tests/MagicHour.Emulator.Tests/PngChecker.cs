using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Text;
using Xunit;

namespace MagicHour.Emulator.Tests;

/// <summary>An independent PNG reader: checks the structure, the CRCs and that IDAT inflates to the right size.</summary>
internal static class PngChecker
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) AssertDecodable(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(Signature), "PNG signature");
        int offset = 8;
        int width = 0, height = 0, bitDepth = 0, colourType = -1;
        bool sawEnd = false;
        using var idat = new MemoryStream();
        while (offset < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            string type = Encoding.ASCII.GetString(png, offset + 4, 4);
            ReadOnlySpan<byte> data = png.AsSpan(offset + 8, length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.Equal(Crc(png.AsSpan(offset + 4, 4 + length)), crc);
            switch (type)
            {
                case "IHDR":
                    Assert.Equal(8, offset);
                    Assert.Equal(13, length);
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    bitDepth = data[8];
                    colourType = data[9];
                    Assert.Equal(0, data[12]); // not interlaced
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    sawEnd = true;
                    break;
            }

            offset += 12 + length;
        }

        Assert.True(sawEnd, "IEND chunk");
        Assert.Equal(png.Length, offset);
        Assert.Equal(8, bitDepth);
        int channels = colourType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => throw new Xunit.Sdk.XunitException($"colour type {colourType}") };
        Assert.InRange(width, 1, 8192);
        Assert.InRange(height, 1, 8192);

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        int stride = 1 + width * channels;
        Assert.Equal((long)stride * height, inflated.Length);
        byte[] raw = inflated.ToArray();
        for (int row = 0; row < height; row++)
        {
            Assert.InRange(raw[row * stride], (byte)0, (byte)4); // filter type
        }

        return (width, height);
    }

    private static uint Crc(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }
}

using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MagicHour.Emulator.Imaging;

/// <summary>
/// Draws a small deterministic picture for a prompt: a diagonal gradient between two colours taken
/// from a hash of the prompt, with rings whose spacing depends on the output index.
/// </summary>
internal static class ImageRenderer
{
    private const int LongestEdge = 192;

    public static byte[] RenderPng(string prompt, string? aspectRatio, int outputIndex)
    {
        (int width, int height) = Size(aspectRatio);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(prompt + "\n" + outputIndex.ToString(CultureInfo.InvariantCulture)));
        (byte R, byte G, byte B) from = (hash[0], hash[1], hash[2]);
        (byte R, byte G, byte B) to = (hash[3], hash[4], hash[5]);
        (byte R, byte G, byte B) ring = ((byte)(255 - hash[6]), (byte)(255 - hash[7]), (byte)(255 - hash[8]));
        int ringSpacing = 8 + outputIndex * 4 + hash[9] % 8;

        var rgb = new byte[width * height * 3];
        double centreX = width * (0.25 + hash[10] / 512.0);
        double centreY = height * (0.25 + hash[11] / 512.0);
        int offset = 0;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                double t = (x + y) / (double)(width + height - 2 == 0 ? 1 : width + height - 2);
                double distance = Math.Sqrt((x - centreX) * (x - centreX) + (y - centreY) * (y - centreY));
                bool onRing = (int)distance % ringSpacing < 2;
                rgb[offset++] = onRing ? ring.R : Lerp(from.R, to.R, t);
                rgb[offset++] = onRing ? ring.G : Lerp(from.G, to.G, t);
                rgb[offset++] = onRing ? ring.B : Lerp(from.B, to.B, t);
            }
        }

        return PngEncoder.EncodeRgb(width, height, rgb);
    }

    /// <summary>Output size for an aspect ratio such as "16:9"; square for "auto", null or anything unparseable.</summary>
    public static (int Width, int Height) Size(string? aspectRatio)
    {
        if (aspectRatio is not null)
        {
            string[] parts = aspectRatio.Split(':');
            if (parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int w)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int h)
                && w > 0 && h > 0)
            {
                return w >= h
                    ? (LongestEdge, Math.Max(1, (int)Math.Round(LongestEdge * (double)h / w)))
                    : (Math.Max(1, (int)Math.Round(LongestEdge * (double)w / h)), LongestEdge);
            }
        }

        return (LongestEdge, LongestEdge);
    }

    private static byte Lerp(byte from, byte to, double t) => (byte)Math.Round(from + (to - from) * t);
}

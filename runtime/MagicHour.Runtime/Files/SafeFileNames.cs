using System;
using System.Text;

namespace MagicHour.Runtime.Files;

/// <summary>
/// Builds file names from untrusted text (a project id, a URL's last segment): only ASCII letters, digits, <c>-</c> and
/// <c>_</c> survive, so a name can hold no separator, no <c>..</c>, no drive and nothing a shell or Windows minds.
/// </summary>
internal static class SafeFileNames
{
    private const int MaxStemLength = 80;
    private const int MaxExtensionLength = 10;

    public static string Stem(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxStemLength));
        foreach (char c in text)
        {
            if (builder.Length == MaxStemLength)
            {
                break;
            }

            bool safe = char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
            if (safe)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        string stem = builder.ToString().Trim('_', '-');
        return stem.Length == 0 ? "project" : stem;
    }

    /// <summary>The extension, with its dot, of the URL's last path segment; or one for the content type; or <c>.bin</c>.</summary>
    public static string Extension(Uri url, string? mediaType)
    {
        string path = url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString;
        string segment = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        int dot = segment.LastIndexOf('.');
        if (dot >= 0)
        {
            string extension = segment[(dot + 1)..].ToLowerInvariant();
            if (extension.Length is > 0 and <= MaxExtensionLength && IsAsciiLettersOrDigits(extension))
            {
                return "." + extension;
            }
        }

        return mediaType switch
        {
            "image/png" => ".png",
            "image/jpeg" => ".jpg",
            "image/webp" => ".webp",
            "image/gif" => ".gif",
            "video/mp4" => ".mp4",
            "audio/mpeg" => ".mp3",
            "audio/wav" or "audio/x-wav" => ".wav",
            _ => ".bin",
        };
    }

    private static bool IsAsciiLettersOrDigits(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

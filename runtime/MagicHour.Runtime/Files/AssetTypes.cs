using System;
using System.Collections.Generic;

namespace MagicHour.Runtime.Files;

/// <summary>The file extensions the upload-urls call accepts, and the asset type each belongs to.</summary>
public static class AssetTypes
{
    /// <summary>The asset type <c>image</c>.</summary>
    public const string Image = "image";

    /// <summary>The asset type <c>video</c>.</summary>
    public const string Video = "video";

    /// <summary>The asset type <c>audio</c>.</summary>
    public const string Audio = "audio";

    // From the spec's description of POST /v1/files/upload-urls. webm is also audio; a local .webm is sent as video.
    private static readonly Dictionary<string, string> TypeByExtension = Build(
        (Video, "mp4 m4v mov webm"),
        (Audio, "mp3 wav aac flac weba m4a opus ogg oga aiff amr"),
        (Image, "png jpg jpeg jfif heic heif webp avif jp2 tiff tif bmp"));

    /// <summary>The asset type for a file extension (with or without the dot, any case), or null when the API does not take it.</summary>
    public static string? TypeOf(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        return TypeByExtension.TryGetValue(extension.TrimStart('.'), out string? type) ? type : null;
    }

    /// <summary>The extensions the API takes, without dots.</summary>
    public static IReadOnlyCollection<string> Extensions => TypeByExtension.Keys;

    private static Dictionary<string, string> Build(params (string Type, string Extensions)[] groups)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string type, string extensions) in groups)
        {
            foreach (string extension in extensions.Split(' '))
            {
                map.TryAdd(extension, type);
            }
        }

        return map;
    }
}

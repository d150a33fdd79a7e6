using System;
using System.IO;

namespace MagicHour.Runtime.Http;

/// <summary>A file sent as one part of a <c>multipart/form-data</c> body.</summary>
/// <param name="Content">The file's bytes, read once while the request is sent. The client does not dispose it.</param>
/// <param name="FileName">The file name the server sees.</param>
/// <param name="ContentType">The part's media type; <c>application/octet-stream</c> when null.</param>
public sealed record FilePart(Stream Content, string FileName, string? ContentType = null)
{
    /// <summary>The file's bytes.</summary>
    public Stream Content { get; init; } = Content ?? throw new ArgumentNullException(nameof(Content));

    /// <summary>The file name the server sees.</summary>
    public string FileName { get; init; } = FileName ?? throw new ArgumentNullException(nameof(FileName));
}

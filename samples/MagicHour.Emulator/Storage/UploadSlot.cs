using System;
using System.Threading;

namespace MagicHour.Emulator.Storage;

/// <summary>One pre-signed upload URL handed out by upload-urls, and the bytes PUT to it.</summary>
internal sealed class UploadSlot(string filePath, string assetType, string extension, string signature, DateTimeOffset expiresAt, string localPath)
{
    private int _uploaded;

    /// <summary>The value clients pass in asset fields, e.g. "api-assets/&lt;id&gt;/0.png".</summary>
    public string FilePath { get; } = filePath;

    public string AssetType { get; } = assetType;

    public string Extension { get; } = extension;

    public string Signature { get; } = signature;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    /// <summary>Where the uploaded bytes are stored; named by the emulator, never by the client.</summary>
    public string LocalPath { get; } = localPath;

    public bool IsUploaded => Volatile.Read(ref _uploaded) == 1;

    public void MarkUploaded() => Volatile.Write(ref _uploaded, 1);
}

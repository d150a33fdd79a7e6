using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MagicHour.Emulator.Storage;

/// <summary>Upload slots and their bytes, kept in a private temporary folder.</summary>
internal sealed class UploadStore : IDisposable
{
    private static readonly TimeSpan UrlLifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, UploadSlot> _slotsByFilePath = new(StringComparer.Ordinal);
    private readonly string _folder;
    private long _nextFile;

    public UploadStore()
    {
        _folder = Path.Combine(Path.GetTempPath(), "magichour-emulator-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    /// <summary>Creates a slot; <paramref name="batchId"/> groups the items of one upload-urls call.</summary>
    public UploadSlot CreateSlot(string batchId, int index, string assetType, string extension)
    {
        string filePath = $"api-assets/{batchId}/{index.ToString(CultureInfo.InvariantCulture)}.{extension}";
        string localPath = Path.Combine(_folder, Interlocked.Increment(ref _nextFile).ToString(CultureInfo.InvariantCulture) + ".bin");
        var slot = new UploadSlot(filePath, assetType, extension, TokenGenerator.NewSignature(), DateTimeOffset.UtcNow + UrlLifetime, localPath);
        _slotsByFilePath[filePath] = slot;
        return slot;
    }

    public UploadSlot? Find(string filePath) => _slotsByFilePath.TryGetValue(filePath, out UploadSlot? slot) ? slot : null;

    /// <summary>Streams <paramref name="content"/> to the slot's file; a repeated PUT replaces the bytes.</summary>
    public async Task StoreAsync(UploadSlot slot, Stream content, CancellationToken cancellationToken)
    {
        string partial = slot.LocalPath + "." + Guid.NewGuid().ToString("N") + ".partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, 81920, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, slot.LocalPath, overwrite: true);
            slot.MarkUploaded();
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a request being torn down; the OS cleans the temp folder eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

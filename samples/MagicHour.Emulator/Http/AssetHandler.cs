using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MagicHour.Emulator.Projects;
using MagicHour.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace MagicHour.Emulator.Http;

/// <summary>The pre-signed asset URLs: PUT /uploads/{file_path} and GET /downloads/{project id}/{name}.</summary>
internal sealed class AssetHandler(EmulatorContext emulator)
{
    public const string UploadsPrefix = "/uploads/";
    public const string DownloadsPrefix = "/downloads/";

    private const int ChunkSize = 64 * 1024;
    private static readonly byte[] Filler = CreateFiller();

    /// <summary>The download URL of an output; the project id is escaped, the name is inserted raw on purpose.</summary>
    public static string DownloadUrl(Uri assetBaseAddress, ProjectOutput output) =>
        assetBaseAddress.AbsoluteUri + "downloads/" + Uri.EscapeDataString(output.Project.Id) + "/" + output.Name + "?sig=" + output.Signature;

    public async Task UploadAsync(HttpContext context)
    {
        string target = RawPath.Target(context);
        int query = target.IndexOf('?', StringComparison.Ordinal);
        string filePath = Uri.UnescapeDataString((query < 0 ? target : target[..query])[UploadsPrefix.Length..]);
        UploadSlot? slot = emulator.Uploads.Find(filePath);
        if (slot is null || !SignatureMatches(Signature(target), slot.Signature))
        {
            await HttpJson.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "Forbidden").ConfigureAwait(false);
            return;
        }

        if (DateTimeOffset.UtcNow > slot.ExpiresAt)
        {
            await HttpJson.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "Request has expired").ConfigureAwait(false);
            return;
        }

        await emulator.Uploads.StoreAsync(slot, context.Request.Body, context.RequestAborted).ConfigureAwait(false);
        emulator.Stats.RecordUpload();
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentLength = 0;
    }

    /// <param name="fault">A fault that hits while the body is sent (Delay or DropConnection), or null.</param>
    public async Task DownloadAsync(HttpContext context, FaultRule? fault)
    {
        // The signature alone identifies the output, so that hostile names (with '?', '%2F', spaces) still resolve.
        string? signature = Signature(RawPath.Target(context));
        ProjectOutput? output = signature is null ? null : emulator.Projects.FindOutput(signature);
        if (output is null)
        {
            await HttpJson.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "Forbidden").ConfigureAwait(false);
            return;
        }

        if (DateTimeOffset.UtcNow > output.Project.DownloadsExpireAt)
        {
            await HttpJson.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "Request has expired").ConfigureAwait(false);
            return;
        }

        if (!output.Project.GetState().HasDownloads)
        {
            await HttpJson.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Not Found").ConfigureAwait(false);
            return;
        }

        long? fixedSize = output.Project.Outcome.DownloadSizeBytes;
        byte[]? png = fixedSize is null ? output.Png : null;
        long length = fixedSize ?? png!.LongLength;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = png is null ? "application/octet-stream" : "image/png";
        context.Response.ContentLength = length;

        if (fault is null || (fault.Kind != FaultKind.DropConnection && fault.Kind != FaultKind.Delay))
        {
            await WriteRangeAsync(context, png, 0, length).ConfigureAwait(false);
            return;
        }

        long half = length / 2;
        await WriteRangeAsync(context, png, 0, half).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        if (fault.Kind == FaultKind.DropConnection)
        {
            context.Abort();
            return;
        }

        // A stall in the middle of the body.
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, emulator.Stopping);
        await Task.Delay(fault.Delay, cancellation.Token).ConfigureAwait(false);
        await WriteRangeAsync(context, png, half, length).ConfigureAwait(false);
    }

    private static async Task WriteRangeAsync(HttpContext context, byte[]? png, long from, long to)
    {
        if (png is not null)
        {
            await context.Response.Body.WriteAsync(png.AsMemory((int)from, (int)(to - from)), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        long position = from;
        while (position < to)
        {
            int offset = (int)(position % ChunkSize);
            int count = (int)Math.Min(to - position, ChunkSize - offset);
            await context.Response.Body.WriteAsync(Filler.AsMemory(offset, count), context.RequestAborted).ConfigureAwait(false);
            position += count;
        }
    }

    /// <summary>The last <c>sig=</c> value of the query; a raw name may itself contain '?'.</summary>
    private static string? Signature(string target)
    {
        int query = target.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return null;
        }

        int start = target.LastIndexOf("sig=", StringComparison.Ordinal);
        if (start <= query || (target[start - 1] != '?' && target[start - 1] != '&'))
        {
            return null;
        }

        start += "sig=".Length;
        int end = target.IndexOf('&', start);
        return Uri.UnescapeDataString(end < 0 ? target[start..] : target[start..end]);
    }

    private static bool SignatureMatches(string? given, string expected) =>
        given is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static byte[] CreateFiller()
    {
        var filler = new byte[ChunkSize];
        for (int i = 0; i < filler.Length; i++)
        {
            filler[i] = (byte)(i * 31 + 7);
        }

        return filler;
    }
}

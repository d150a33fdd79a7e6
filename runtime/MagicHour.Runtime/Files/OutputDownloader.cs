using System;
using System.Buffers;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Logging;

namespace MagicHour.Runtime.Files;

/// <summary>
/// Streams a project's outputs into a directory. Each file is written under a temporary name and moved into place
/// only when complete, named <c>&lt;project id&gt;-&lt;n&gt;.&lt;ext&gt;</c> from sanitized parts (a URL can never
/// choose where a file goes), never over an existing file (a clash adds <c>_2</c>, <c>_3</c>, …). All or nothing: when
/// one output fails, the files this call already placed are removed again, so a retry starts clean.
/// </summary>
public sealed class OutputDownloader
{
    private const string Operation = "download";
    private const int BufferSize = 81920;
    private const int MaxNameClashes = 10_000;

    private readonly ApiPipeline _pipeline;

    /// <summary>Creates a downloader over <paramref name="pipeline"/>.</summary>
    public OutputDownloader(ApiPipeline pipeline) => _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));

    /// <summary>Downloads every URL into <paramref name="directory"/> (created when missing) and returns the full paths, in order.</summary>
    /// <exception cref="ArgumentException">A URL is not an absolute http(s) URL (checked before anything is written).</exception>
    /// <exception cref="MagicHourApiException">A download failed, after retries.</exception>
    public Task<IReadOnlyList<string>> DownloadAsync(string projectId, IReadOnlyList<Uri> urls, string directory, CancellationToken cancellationToken = default) =>
        DownloadAsync(projectId, urls, directory, maxTotalBytes: null, cancellationToken);

    /// <summary>
    /// Downloads every URL into <paramref name="directory"/> (created when missing), all together no more than
    /// <paramref name="maxTotalBytes"/>, and returns the full paths, in order.
    /// </summary>
    /// <exception cref="ArgumentException">A URL is not an absolute http(s) URL (checked before anything is written).</exception>
    /// <exception cref="MagicHourApiException">
    /// A download failed, after retries; or the outputs would pass <paramref name="maxTotalBytes"/> (kind
    /// <see cref="MagicHourErrorKind.DownloadTooLarge"/>). Either way the files this call wrote are removed again.
    /// </exception>
    public async Task<IReadOnlyList<string>> DownloadAsync(
        string projectId, IReadOnlyList<Uri> urls, string directory, long? maxTotalBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projectId);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (maxTotalBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxTotalBytes), maxTotalBytes, "The download size limit cannot be negative.");
        }

        foreach (Uri url in urls)
        {
            if (url is null || !UriSafety.IsHttp(url))
            {
                throw new ArgumentException($"Download URL '{Redact(UriSafety.ForLog(url))}' is not an absolute http(s) URL.", nameof(urls));
            }
        }

        string root = Path.GetFullPath(directory);
        Directory.CreateDirectory(root);
        string stem = SafeFileNames.Stem(Redact(projectId));
        var budget = new ByteBudget(maxTotalBytes);
        var placed = new List<string>(urls.Count);
        try
        {
            for (int i = 0; i < urls.Count; i++)
            {
                placed.Add(await DownloadOneAsync(urls[i], root, $"{stem}-{i + 1}", budget, cancellationToken).ConfigureAwait(false));
            }

            return placed;
        }
        catch
        {
            foreach (string path in placed)
            {
                TryDelete(path);
            }

            throw;
        }
    }

    private async Task<string> DownloadOneAsync(Uri url, string root, string baseName, ByteBudget budget, CancellationToken cancellationToken)
    {
        string temporary = Path.Combine(root, $".{baseName}.{Guid.NewGuid():N}.partial");
        try
        {
            (long bytes, string? mediaType) = await DownloadToFileAsync(url, temporary, budget, cancellationToken).ConfigureAwait(false);
            string path = MoveIntoPlace(temporary, root, baseName, SafeFileNames.Extension(url, mediaType));
            RuntimeLog.Downloaded(_pipeline.Logger, UriSafety.ForLog(url), path, bytes);
            return path;
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>Streams the body to <paramref name="path"/>; a body that breaks off or stalls is fetched again from the start.</summary>
    private async Task<(long Bytes, string? MediaType)> DownloadToFileAsync(Uri url, string path, ByteBudget budget, CancellationToken cancellationToken)
    {
        RetryOptions retry = _pipeline.Options.Retry;
        for (int attempt = 1; ; attempt++)
        {
            using PipelineResponse response = await _pipeline.SendUnauthenticatedAsync(HttpMethod.Get, url, null, Operation, cancellationToken).ConfigureAwait(false);
            budget.StartFile(ResponseHeaders.ContentLengthOf(response), Redact(UriSafety.ForLog(url)));
            try
            {
                await CopyBodyAsync(response, path, budget, cancellationToken).ConfigureAwait(false);
                budget.FinishFile();
                return (budget.FileBytes, response.Headers.TryGetValue("Content-Type", out string? type) && type is not null ? type.Split(';')[0].Trim() : null);
            }
            catch (MagicHourApiException ex) when (ex.Kind is MagicHourErrorKind.Network or MagicHourErrorKind.Timeout && !cancellationToken.IsCancellationRequested)
            {
                long written = budget.FileBytes;
                if (attempt > retry.MaxRetries)
                {
                    throw new MagicHourApiException(
                        ex.Kind,
                        $"{Operation}: {Redact(UriSafety.ForLog(url))} broke off after {written} bytes, {attempt} time{(attempt == 1 ? "" : "s")}: {ex.Message}",
                        response,
                        operationId: Operation,
                        innerException: ex);
                }

                TimeSpan delay = retry.InitialDelay * attempt;
                RuntimeLog.DownloadRestarted(_pipeline.Logger, UriSafety.ForLog(url), written, ex.Message, RuntimeLog.Milliseconds(delay));
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Copies the body; its stream already bounds every read by the network timeout.</summary>
    private static async Task CopyBodyAsync(PipelineResponse response, string path, ByteBudget budget, CancellationToken cancellationToken)
    {
        long? expected = ResponseHeaders.ContentLengthOf(response);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using Stream body = response.ContentStream ?? Stream.Null;
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                budget.Take(read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            if (expected is { } length && length != budget.FileBytes)
            {
                throw new MagicHourApiException(MagicHourErrorKind.Network, $"the body ended after {budget.FileBytes} of {length} bytes", operationId: Operation);
            }

            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Moves the finished file to the first free name; the move itself refuses to overwrite, so a racing writer cannot be clobbered.</summary>
    private static string MoveIntoPlace(string temporary, string root, string baseName, string extension)
    {
        for (int n = 1; n <= MaxNameClashes; n++)
        {
            string path = Path.Combine(root, n == 1 ? baseName + extension : $"{baseName}_{n}{extension}");
            if (File.Exists(path) || Directory.Exists(path))
            {
                continue;
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
                return path;
            }
            catch (IOException) when (File.Exists(path) || Directory.Exists(path))
            {
                // Taken between the check and the move: try the next name.
            }
        }

        throw new IOException($"No free file name for {baseName}{extension} in {root}.");
    }

    private string Redact(string text) => _pipeline.Redactor.Redact(text)!;

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover .partial file is visibly incomplete.
        }
    }

    /// <summary>The bytes of the current file and of the whole call, checked against the limit as they arrive.</summary>
    private sealed class ByteBudget(long? maxTotalBytes)
    {
        private long _finishedBytes;
        private string _url = string.Empty;

        public long FileBytes { get; private set; }

        /// <summary>Starts a file (or starts it again): its bytes so far count no more.</summary>
        public void StartFile(long? declaredLength, string url)
        {
            FileBytes = 0;
            _url = url;
            if (declaredLength is { } length && _finishedBytes + length > maxTotalBytes)
            {
                throw TooLarge($"announces {length} bytes");
            }
        }

        public void Take(int bytes)
        {
            FileBytes += bytes;
            if (_finishedBytes + FileBytes > maxTotalBytes)
            {
                throw TooLarge($"passed {FileBytes} bytes");
            }
        }

        public void FinishFile() => _finishedBytes += FileBytes;

        private MagicHourApiException TooLarge(string what) => new(
            MagicHourErrorKind.DownloadTooLarge,
            $"{Operation}: {_url} {what}, which with the {_finishedBytes} bytes downloaded before passes the limit of {maxTotalBytes} bytes; the download stopped and its files were removed.",
            operationId: Operation);
    }
}

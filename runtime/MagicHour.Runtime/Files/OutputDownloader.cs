using System;
using System.Buffers;
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
    private const int BufferSize = 81920;
    private const int MaxNameClashes = 10_000;

    private readonly ApiPipeline _pipeline;

    /// <summary>Creates a downloader over <paramref name="pipeline"/>.</summary>
    public OutputDownloader(ApiPipeline pipeline) => _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));

    /// <summary>Downloads every URL into <paramref name="directory"/> (created when missing) and returns the full paths, in order.</summary>
    /// <exception cref="ArgumentException">A URL is not an absolute http(s) URL (checked before anything is written).</exception>
    /// <exception cref="MagicHourApiException">A download failed, after retries.</exception>
    public async Task<IReadOnlyList<string>> DownloadAsync(string projectId, IReadOnlyList<Uri> urls, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projectId);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        foreach (Uri url in urls)
        {
            if (url is null || !UriSafety.IsHttp(url))
            {
                throw new ArgumentException($"Download URL '{UriSafety.ForLog(url)}' is not an absolute http(s) URL.", nameof(urls));
            }
        }

        string root = Path.GetFullPath(directory);
        Directory.CreateDirectory(root);
        string stem = SafeFileNames.Stem(projectId);
        var placed = new List<string>(urls.Count);
        try
        {
            for (int i = 0; i < urls.Count; i++)
            {
                placed.Add(await DownloadOneAsync(urls[i], root, $"{stem}-{i + 1}", cancellationToken).ConfigureAwait(false));
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

    private async Task<string> DownloadOneAsync(Uri url, string root, string baseName, CancellationToken cancellationToken)
    {
        string temporary = Path.Combine(root, $".{baseName}.{Guid.NewGuid():N}.partial");
        try
        {
            (long bytes, string? mediaType) = await DownloadToFileAsync(url, temporary, cancellationToken).ConfigureAwait(false);
            string path = MoveIntoPlace(temporary, root, baseName, SafeFileNames.Extension(url, mediaType));
            RuntimeLog.Downloaded(_pipeline.Logger, UriSafety.ForLog(url), path, bytes);
            return path;
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>Streams the body to <paramref name="path"/>; a body that breaks off is fetched again from the start.</summary>
    private async Task<(long Bytes, string? MediaType)> DownloadToFileAsync(Uri url, string path, CancellationToken cancellationToken)
    {
        int maxAttempts = _pipeline.Options.Retry.MaxRetries + 1;
        for (int attempt = 1; ; attempt++)
        {
            using HttpResponseMessage response = await _pipeline.SendUnauthenticatedAsync(HttpMethod.Get, url, null, "download", cancellationToken).ConfigureAwait(false);
            long written = 0;
            try
            {
                written = await CopyBodyAsync(response, path, cancellationToken).ConfigureAwait(false);
                return (written, response.Content.Headers.ContentType?.MediaType);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= maxAttempts)
                {
                    throw new MagicHourApiException(
                        ex is TimeoutException ? MagicHourErrorKind.Timeout : MagicHourErrorKind.Network,
                        $"download: {UriSafety.ForLog(url)} broke off after {written} bytes, {attempt} time{(attempt == 1 ? "" : "s")}: {ex.Message}",
                        response.StatusCode,
                        operationId: "download",
                        innerException: ex);
                }

                TimeSpan delay = _pipeline.Options.Retry.InitialDelay * attempt;
                RuntimeLog.DownloadRestarted(_pipeline.Logger, UriSafety.ForLog(url), written, ex.Message, RuntimeLog.Milliseconds(delay));
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<long> CopyBodyAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        TimeSpan stallTimeout = _pipeline.Options.RequestTimeout;
        long? expected = response.Content.Headers.ContentLength;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long written = 0;
        try
        {
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
            while (true)
            {
                stall.CancelAfter(stallTimeout);
                int read;
                try
                {
                    read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), stall.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"no data for {stallTimeout.TotalSeconds:0.###} s", ex);
                }

                if (read == 0)
                {
                    break;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                written += read;
            }

            if (expected is { } length && length != written)
            {
                throw new IOException($"the body ended after {written} of {length} bytes");
            }

            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            return written;
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
}

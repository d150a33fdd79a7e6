using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Logging;

namespace MagicHour.Runtime.Files;

/// <summary>
/// Turns local files into the <c>file_path</c> values the API takes: one call of the API's upload-URL operation (the
/// generated <see cref="UploadUrlsCall"/>) for the batch, then a streamed <c>PUT</c> of each file to its pre-signed URL,
/// without the API key. URLs and already-uploaded <c>api-assets/…</c> paths pass through untouched.
/// </summary>
public sealed class AssetUploader
{
    private const string AssetPathPrefix = "api-assets/";
    private const string Operation = "upload";
    private const int ParallelUploads = 4;
    private const int StreamBufferSize = 81920;

    private readonly ApiPipeline _pipeline;
    private readonly UploadUrlsCall _requestUploadUrls;

    /// <summary>Creates an uploader over <paramref name="pipeline"/> that asks <paramref name="requestUploadUrls"/> where to put the files.</summary>
    public AssetUploader(ApiPipeline pipeline, UploadUrlsCall requestUploadUrls)
    {
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _requestUploadUrls = requestUploadUrls ?? throw new ArgumentNullException(nameof(requestUploadUrls));
    }

    /// <summary>Whether <paramref name="value"/> names a local file: false for http(s) URLs and <c>api-assets/…</c> paths.</summary>
    public static bool IsLocalPath(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return !(value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith(AssetPathPrefix, StringComparison.Ordinal));
    }

    /// <summary>
    /// Checks every local path in <paramref name="paths"/> (others are skipped): it exists, can be read, is not empty
    /// and has an extension the API takes. Throws one exception that lists every problem.
    /// </summary>
    /// <exception cref="ArgumentException">At least one file cannot be uploaded.</exception>
    public static void ValidateLocalFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var problems = new List<string>();
        foreach (string path in paths)
        {
            if (path is null)
            {
                problems.Add("a path is null");
                continue;
            }

            if (IsLocalPath(path) && ProblemWith(path) is { } problem)
            {
                problems.Add(problem);
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(
                $"{(problems.Count == 1 ? "A file" : $"{problems.Count} files")} cannot be uploaded, so nothing was: {string.Join("; ", problems)}.",
                nameof(paths));
        }
    }

    /// <summary>Uploads the local files among <paramref name="pathsOrUrls"/> and returns a <c>file_path</c> for every item, in order.</summary>
    /// <exception cref="ArgumentException">A local file cannot be uploaded (checked before anything is sent).</exception>
    /// <exception cref="MagicHourApiException">The upload-URL call or an upload failed, or the upload targets are unusable.</exception>
    public async Task<IReadOnlyList<string>> UploadAsync(IReadOnlyList<string> pathsOrUrls, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pathsOrUrls);
        ValidateLocalFiles(pathsOrUrls);
        string[] results = [.. pathsOrUrls];
        int[] localIndexes = Enumerable.Range(0, results.Length).Where(i => IsLocalPath(results[i])).ToArray();
        if (localIndexes.Length == 0)
        {
            return results;
        }

        AssetUploadRequest[] files = localIndexes
            .Select(i => new AssetUploadRequest(AssetTypes.TypeOf(Path.GetExtension(results[i]))!, Path.GetExtension(results[i]).TrimStart('.').ToLowerInvariant()))
            .ToArray();
        IReadOnlyList<AssetUploadTarget> answer = await RequestTargetsAsync(files, cancellationToken).ConfigureAwait(false);
        (Uri Url, string FilePath)[] targets = Check(answer, files.Length);

        await Parallel.ForEachAsync(
            Enumerable.Range(0, localIndexes.Length),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelUploads, CancellationToken = cancellationToken },
            async (n, token) => await PutFileAsync(results[localIndexes[n]], targets[n].Url, targets[n].FilePath, token).ConfigureAwait(false)).ConfigureAwait(false);

        for (int n = 0; n < localIndexes.Length; n++)
        {
            results[localIndexes[n]] = targets[n].FilePath;
        }

        return results;
    }

    /// <summary>
    /// Asks for the upload targets. Minting URLs charges nothing, so a call whose answer was lost (it may have been
    /// processed) is simply made again, within the retry budget, where a create would not be.
    /// </summary>
    private async Task<IReadOnlyList<AssetUploadTarget>> RequestTargetsAsync(AssetUploadRequest[] files, CancellationToken cancellationToken)
    {
        RetryOptions retry = _pipeline.Options.Retry;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await _requestUploadUrls(files, cancellationToken).ConfigureAwait(false)
                    ?? throw new MagicHourApiException(MagicHourErrorKind.InvalidResponse, "The upload-URL call returned no upload targets.");
            }
            catch (MagicHourApiException ex) when (ex.RequestMayHaveBeenProcessed && ex.Kind is MagicHourErrorKind.Network or MagicHourErrorKind.Timeout && attempt <= retry.MaxRetries)
            {
                TimeSpan delay = retry.InitialDelay * attempt;
                RuntimeLog.Retrying(_pipeline.Logger, ex.OperationId ?? "upload-urls", RuntimeLog.Milliseconds(delay), attempt + 1, retry.MaxRetries + 1, ex.Message);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One absolute http(s) URL and one <c>file_path</c> per file, else the answer is not usable.</summary>
    private (Uri Url, string FilePath)[] Check(IReadOnlyList<AssetUploadTarget> answer, int expected)
    {
        if (answer.Count != expected)
        {
            throw InvalidTargets($"asked for {expected} upload URL{(expected == 1 ? "" : "s")} but got {answer.Count}");
        }

        var targets = new (Uri, string)[expected];
        for (int i = 0; i < expected; i++)
        {
            AssetUploadTarget target = answer[i];
            if (!Uri.TryCreate(target?.UploadUrl, UriKind.Absolute, out Uri? url) || !UriSafety.IsHttp(url))
            {
                throw InvalidTargets($"upload URL {i + 1} ('{_pipeline.Redactor.Redact(UriSafety.ForLog(target?.UploadUrl))}') is not an absolute http(s) URL");
            }

            if (string.IsNullOrWhiteSpace(target!.FilePath))
            {
                throw InvalidTargets($"upload target {i + 1} has no file_path");
            }

            targets[i] = (url, target.FilePath);
        }

        return targets;
    }

    private static MagicHourApiException InvalidTargets(string what) =>
        new(MagicHourErrorKind.InvalidResponse, $"{Operation}: the upload-URL call {what}; nothing was uploaded.", operationId: Operation);

    private async Task PutFileAsync(string path, Uri uploadUrl, string filePath, CancellationToken cancellationToken)
    {
        long length = new FileInfo(path).Length;

        // A file stream is seekable: a retry of the PUT sends it again from the start.
        using BinaryContent content = BinaryContent.Create(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, StreamBufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan));
        using PipelineResponse response = await _pipeline.SendUnauthenticatedAsync(HttpMethod.Put, uploadUrl, content, Operation, cancellationToken).ConfigureAwait(false);
        RuntimeLog.Uploaded(_pipeline.Logger, path, filePath, length);
    }

    private static string? ProblemWith(string path)
    {
        string extension = Path.GetExtension(path);
        if (AssetTypes.TypeOf(extension) is null)
        {
            return $"'{path}' has {(extension.Length == 0 ? "no extension" : $"the extension '{extension}'")}, which the API does not take (it takes {string.Join(", ", AssetTypes.Extensions)})";
        }

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return Directory.Exists(path) ? $"'{path}' is a directory" : $"'{path}' does not exist";
        }

        if (file.Length == 0)
        {
            return $"'{path}' is empty";
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"'{path}' cannot be read: {ex.Message}";
        }

        return null;
    }
}

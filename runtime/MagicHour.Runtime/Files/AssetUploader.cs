using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Json;
using MagicHour.Runtime.Logging;

namespace MagicHour.Runtime.Files;

/// <summary>
/// Turns local files into the <c>file_path</c> values the API takes: one <c>POST /v1/files/upload-urls</c> for the
/// batch, then a streamed <c>PUT</c> of each file to its pre-signed URL, without the API key. URLs and
/// already-uploaded <c>api-assets/…</c> paths pass through untouched.
/// </summary>
public sealed class AssetUploader
{
    /// <summary>The operation id of the upload-urls call.</summary>
    public const string UploadUrlsOperationId = "files.uploadUrls.create";

    private const string AssetPathPrefix = "api-assets/";
    private const int ParallelUploads = 4;
    private const int StreamBufferSize = 81920;

    private readonly ApiPipeline _pipeline;

    /// <summary>Creates an uploader over <paramref name="pipeline"/>.</summary>
    public AssetUploader(ApiPipeline pipeline) => _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));

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
    public void ValidateLocalFiles(IEnumerable<string> paths)
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
    /// <exception cref="MagicHourApiException">The upload-urls call or an upload failed.</exception>
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

        var items = localIndexes.Select(i => AssetTypes.TypeOf(Path.GetExtension(results[i]))!)
            .Zip(localIndexes.Select(i => Path.GetExtension(results[i]).TrimStart('.').ToLowerInvariant()))
            .ToArray();
        var request = new ApiRequest(HttpMethod.Post, "/v1/files/upload-urls", UploadUrlsOperationId)
        {
            // It only mints URLs and charges nothing, so repeating it is harmless.
            IsIdempotent = true,
        };
        request.SetJsonBody(items, WriteUploadUrlsBody);
        IReadOnlyList<UploadTarget> targets = await _pipeline.SendAsync(request, ReadUploadUrlsResponse, cancellationToken).ConfigureAwait(false);
        if (targets.Count != localIndexes.Length)
        {
            throw new MagicHourApiException(
                MagicHourErrorKind.InvalidResponse,
                $"{UploadUrlsOperationId}: asked for {localIndexes.Length} upload URLs but got {targets.Count}.",
                operationId: UploadUrlsOperationId);
        }

        await Parallel.ForEachAsync(
            Enumerable.Range(0, localIndexes.Length),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelUploads, CancellationToken = cancellationToken },
            async (n, token) =>
            {
                string path = results[localIndexes[n]];
                await PutFileAsync(path, targets[n], token).ConfigureAwait(false);
            }).ConfigureAwait(false);

        for (int n = 0; n < localIndexes.Length; n++)
        {
            results[localIndexes[n]] = targets[n].FilePath;
        }

        return results;
    }

    private async Task PutFileAsync(string path, UploadTarget target, CancellationToken cancellationToken)
    {
        long length = new FileInfo(path).Length;

        // A new stream for every attempt: the pipeline may retry the PUT.
        HttpContent CreateContent()
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, StreamBufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            var content = new StreamContent(stream, StreamBufferSize);
            content.Headers.ContentLength = stream.Length;
            return content;
        }

        using HttpResponseMessage response = await _pipeline.SendUnauthenticatedAsync(HttpMethod.Put, target.UploadUrl, CreateContent, "upload", cancellationToken).ConfigureAwait(false);
        RuntimeLog.Uploaded(_pipeline.Logger, path, target.FilePath, length);
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

    private static void WriteUploadUrlsBody(Utf8JsonWriter writer, (string Type, string Extension)[] items)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("items"u8);
        foreach ((string type, string extension) in items)
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, type);
            writer.WriteString("extension"u8, extension);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static IReadOnlyList<UploadTarget> ReadUploadUrlsResponse(ref Utf8JsonReader reader)
    {
        JsonSupport.Expect(ref reader, JsonTokenType.StartObject, "the upload-urls response");
        List<UploadTarget>? items = null;
        while (true)
        {
            JsonSupport.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return items ?? throw JsonSupport.MissingProperty("the upload-urls response", "items");
            }

            if (reader.ValueTextEquals("items"u8))
            {
                JsonSupport.Read(ref reader);
                items = JsonSupport.ReadArray(ref reader, ReadUploadTarget);
            }
            else
            {
                JsonSupport.SkipValue(ref reader);
            }
        }
    }

    private static UploadTarget ReadUploadTarget(ref Utf8JsonReader reader)
    {
        JsonSupport.Expect(ref reader, JsonTokenType.StartObject, "an upload URL");
        Uri? uploadUrl = null;
        string? filePath = null;
        while (true)
        {
            JsonSupport.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            if (reader.ValueTextEquals("upload_url"u8))
            {
                JsonSupport.Read(ref reader);
                uploadUrl = JsonSupport.ReadUri(ref reader);
            }
            else if (reader.ValueTextEquals("file_path"u8))
            {
                JsonSupport.Read(ref reader);
                filePath = JsonSupport.ReadString(ref reader);
            }
            else
            {
                JsonSupport.SkipValue(ref reader);
            }
        }

        if (uploadUrl is null || !UriSafety.IsHttp(uploadUrl))
        {
            throw uploadUrl is null ? JsonSupport.MissingProperty("an upload URL", "upload_url") : new JsonException("upload_url is not an absolute http(s) URL.");
        }

        return new UploadTarget(uploadUrl, filePath ?? throw JsonSupport.MissingProperty("an upload URL", "file_path"));
    }

    private sealed record UploadTarget(Uri UploadUrl, string FilePath);
}

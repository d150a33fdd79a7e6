using System;
using Microsoft.Extensions.Logging;

namespace MagicHour.Runtime.Logging;

/// <summary>
/// Every log line the runtime writes. None takes a header, a key or a full pre-signed URL: URIs are logged without
/// their query string. The pipeline's logger redacts the key from whatever a server echoed into a value.
/// </summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(1, LogLevel.Debug, "Sending {Method} {Uri} ({Operation}), attempt {Attempt}")]
    public static partial void Sending(ILogger logger, string method, string uri, string operation, int attempt);

    [LoggerMessage(2, LogLevel.Information, "{Method} {Uri} ({Operation}) answered {StatusCode} in {ElapsedMs} ms")]
    public static partial void Received(ILogger logger, string method, string uri, string operation, int statusCode, long elapsedMs);

    [LoggerMessage(3, LogLevel.Warning, "{Method} {Uri} ({Operation}) got no response after {ElapsedMs} ms: {Reason}")]
    public static partial void NoResponse(ILogger logger, string method, string uri, string operation, long elapsedMs, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Retrying {Operation} in {DelayMs} ms (attempt {Attempt} of {MaxAttempts}) after {Reason}")]
    public static partial void Retrying(ILogger logger, string operation, long delayMs, int attempt, int maxAttempts, string reason);

    [LoggerMessage(5, LogLevel.Warning, "{Operation} is not retried after {Reason}: the server may have processed it, and a second call could charge twice")]
    public static partial void NotRetriedMayHaveBeenProcessed(ILogger logger, string operation, string reason);

    [LoggerMessage(10, LogLevel.Information, "Project {ProjectId} is {Status} after {ElapsedMs} ms (poll {Attempt})")]
    public static partial void ProjectStatus(ILogger logger, string projectId, string status, long elapsedMs, int attempt);

    [LoggerMessage(11, LogLevel.Warning, "Project {ProjectId} reports status '{Status}', which this client does not know; polling goes on")]
    public static partial void UnknownProjectStatus(ILogger logger, string projectId, string status);

    [LoggerMessage(12, LogLevel.Warning, "Polling project {ProjectId} failed ({Reason}); trying again in {DelayMs} ms")]
    public static partial void PollFailed(ILogger logger, string projectId, string reason, long delayMs);

    [LoggerMessage(13, LogLevel.Warning, "Project {ProjectId} is complete but reports no outputs; there is nothing to download")]
    public static partial void CompleteWithoutOutputs(ILogger logger, string projectId);

    [LoggerMessage(20, LogLevel.Information, "Uploaded {Path} as {FilePath} ({Bytes} bytes)")]
    public static partial void Uploaded(ILogger logger, string path, string filePath, long bytes);

    [LoggerMessage(21, LogLevel.Information, "Downloaded {Uri} to {Path} ({Bytes} bytes)")]
    public static partial void Downloaded(ILogger logger, string uri, string path, long bytes);

    [LoggerMessage(22, LogLevel.Warning, "Download of {Uri} broke off after {Bytes} bytes ({Reason}); starting it again in {DelayMs} ms")]
    public static partial void DownloadRestarted(ILogger logger, string uri, long bytes, string reason, long delayMs);

    public static long Milliseconds(TimeSpan value) => (long)value.TotalMilliseconds;
}

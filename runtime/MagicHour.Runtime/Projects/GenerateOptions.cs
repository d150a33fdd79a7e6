using System;

namespace MagicHour.Runtime.Projects;

/// <summary>How a generated <c>GenerateAsync</c> runs: whether it waits, whether and where it downloads the outputs.</summary>
public sealed class GenerateOptions
{
    /// <summary>Wait until the project is <c>complete</c>, <c>error</c> or <c>canceled</c>. Default: true.</summary>
    public bool WaitForCompletion { get; set; } = true;

    /// <summary>Download the outputs once the project is complete (needs <see cref="WaitForCompletion"/>). Default: true.</summary>
    public bool DownloadOutputs { get; set; } = true;

    /// <summary>Where outputs are written; created when missing. Default: the current directory.</summary>
    public string DownloadDirectory { get; set; } = ".";

    /// <summary>
    /// The most bytes the outputs of one call may take together; null (the default) sets no limit. Once the downloads
    /// would pass it, they stop, every file this call wrote is removed again, and the call throws a
    /// <see cref="MagicHourProjectException"/> of kind <see cref="MagicHourErrorKind.DownloadTooLarge"/> (the project
    /// completed and was charged; its outputs can be fetched later).
    /// </summary>
    public long? MaxDownloadBytes { get; set; }

    /// <summary>Poll interval, back-off and overall timeout; null takes the client's <see cref="MagicHourClientOptions"/>.</summary>
    public PollingOptions? Polling { get; set; }

    /// <summary>Told the status and elapsed time after every poll.</summary>
    public IProgress<ProjectProgress>? Progress { get; set; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"GenerateOptions {{ WaitForCompletion = {WaitForCompletion}, DownloadOutputs = {DownloadOutputs}, DownloadDirectory = {DownloadDirectory}, MaxDownloadBytes = {MaxDownloadBytes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} }}";
}

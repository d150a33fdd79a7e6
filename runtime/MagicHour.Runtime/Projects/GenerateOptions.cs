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

    /// <summary>Poll interval, back-off and overall timeout; null takes the client's <see cref="MagicHourClientOptions"/>.</summary>
    public PollingOptions? Polling { get; set; }

    /// <summary>Told the status and elapsed time after every poll.</summary>
    public IProgress<ProjectProgress>? Progress { get; set; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"GenerateOptions {{ WaitForCompletion = {WaitForCompletion}, DownloadOutputs = {DownloadOutputs}, DownloadDirectory = {DownloadDirectory} }}";
}

using System;
using System.Threading;
using MagicHour.Emulator.Projects;
using MagicHour.Emulator.Spec;
using MagicHour.Emulator.Storage;

namespace MagicHour.Emulator.Http;

/// <summary>The state shared by the request handlers of one emulator.</summary>
internal sealed class EmulatorContext(
    EmulatorOptions options,
    ApiSpec spec,
    UploadStore uploads,
    ProjectStore projects,
    ProjectOutcomes outcomes,
    EmulatorFaults faults,
    EmulatorStats stats,
    CancellationToken stopping)
{
    public EmulatorOptions Options { get; } = options;

    public ApiSpec Spec { get; } = spec;

    public UploadStore Uploads { get; } = uploads;

    public ProjectStore Projects { get; } = projects;

    public ProjectOutcomes Outcomes { get; } = outcomes;

    public EmulatorFaults Faults { get; } = faults;

    public EmulatorStats Stats { get; } = stats;

    /// <summary>Cancelled when the emulator stops, so that slow faults do not hold up shutdown.</summary>
    public CancellationToken Stopping { get; } = stopping;

    /// <summary>Base of upload and download URLs, e.g. http://localhost:41234/. Set once the port is known.</summary>
    public Uri AssetBaseAddress { get; set; } = new("http://127.0.0.1/");
}

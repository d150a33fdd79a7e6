using System;
using System.Collections.Generic;

namespace MagicHour.Emulator;

/// <summary>How the next created project ends, plus optional overrides of what it reports.</summary>
public sealed record ProjectOutcome
{
    private ProjectOutcome(ProjectOutcomeKind kind)
    {
        Kind = kind;
    }

    /// <summary>Renders and reports <c>complete</c> with downloads.</summary>
    public static ProjectOutcome Complete { get; } = new(ProjectOutcomeKind.Complete);

    /// <summary>Reports <c>canceled</c>.</summary>
    public static ProjectOutcome Canceled { get; } = new(ProjectOutcomeKind.Canceled);

    /// <summary>Reports <c>complete</c> but <c>enabled: false</c> and no downloads, as if deleted meanwhile.</summary>
    public static ProjectOutcome Deleted { get; } = new(ProjectOutcomeKind.Deleted);

    /// <summary>Reports <c>error</c> with this code and message; the credits are refunded.</summary>
    public static ProjectOutcome Error(string code, string message)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(message);
        return new ProjectOutcome(ProjectOutcomeKind.Error) { ErrorCode = code, ErrorMessage = message };
    }

    /// <summary>Reports <paramref name="status"/> (which may be one the spec does not list) forever, from creation on.</summary>
    public static ProjectOutcome StuckIn(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new ProjectOutcome(ProjectOutcomeKind.Stuck) { StuckStatus = status };
    }

    /// <summary>Overrides the generated project id (may be hostile, e.g. "../../x").</summary>
    public string? ProjectId { get; init; }

    /// <summary>Overrides the last path segment of each download URL, inserted raw.</summary>
    public IReadOnlyList<string>? DownloadNames { get; init; }

    /// <summary>Serves outputs of exactly this many bytes, streamed (not a PNG then).</summary>
    public long? DownloadSizeBytes { get; init; }

    /// <summary>
    /// Replaces the download URLs the project reports, sent exactly as given (relative, not http, or one that
    /// <see cref="Uri"/> rejects); an empty list makes a project that completes with no outputs.
    /// </summary>
    public IReadOnlyList<string>? DownloadUrls { get; init; }

    /// <summary>After the first poll that reports <c>complete</c>, every later poll reports <c>queued</c> again: a status that flaps.</summary>
    public bool FlapsAfterComplete { get; init; }

    internal ProjectOutcomeKind Kind { get; }

    internal string? ErrorCode { get; private init; }

    internal string? ErrorMessage { get; private init; }

    internal string? StuckStatus { get; private init; }
}

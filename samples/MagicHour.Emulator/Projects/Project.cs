using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace MagicHour.Emulator.Projects;

/// <summary>
/// An image project. Its status is not driven by a timer: it is derived from the time elapsed since
/// creation each time it is read, so thousands of projects cost nothing while idle.
/// </summary>
internal sealed class Project
{
    private readonly long _createdTimestamp = Stopwatch.GetTimestamp();
    private readonly TimeSpan _queuedDuration;
    private readonly TimeSpan _renderingDuration;
    private int _deleted;
    private int _completePolls;

    public Project(
        string id,
        ProjectKind kind,
        string name,
        int imageCount,
        long creditsCharged,
        string prompt,
        string? aspectRatio,
        ProjectOutcome outcome,
        TimeSpan queuedDuration,
        TimeSpan renderingDuration)
    {
        Id = id;
        Kind = kind;
        Name = name;
        ImageCount = imageCount;
        InitialCredits = creditsCharged;
        Prompt = prompt;
        AspectRatio = aspectRatio;
        Outcome = outcome;
        _queuedDuration = queuedDuration;
        _renderingDuration = renderingDuration;
        CreatedAt = DateTimeOffset.UtcNow;
    }

    public string Id { get; }

    public ProjectKind Kind { get; }

    public string Name { get; }

    public int ImageCount { get; }

    public long InitialCredits { get; }

    public string Prompt { get; }

    public string? AspectRatio { get; }

    public ProjectOutcome Outcome { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>When the download URLs stop working.</summary>
    public DateTimeOffset DownloadsExpireAt => CreatedAt + TimeSpan.FromDays(1);

    public IReadOnlyList<ProjectOutput> Outputs { get; set; } = Array.Empty<ProjectOutput>();

    public void Delete() => Volatile.Write(ref _deleted, 1);

    /// <summary>What a poll sees: <see cref="GetState"/>, except that a project whose status flaps is queued again after its first complete poll.</summary>
    public ProjectState Poll()
    {
        ProjectState state = GetState();
        return Outcome.FlapsAfterComplete && state.Status == "complete" && Interlocked.Increment(ref _completePolls) > 1
            ? state with { Status = "queued", HasDownloads = false }
            : state;
    }

    public ProjectState GetState()
    {
        bool enabled = Volatile.Read(ref _deleted) == 0;
        if (Outcome.Kind == ProjectOutcomeKind.Stuck)
        {
            return new ProjectState(Outcome.StuckStatus!, enabled, InitialCredits, false, null, null);
        }

        TimeSpan elapsed = Stopwatch.GetElapsedTime(_createdTimestamp);
        if (elapsed < _queuedDuration)
        {
            return new ProjectState("queued", enabled, InitialCredits, false, null, null);
        }

        if (elapsed < _queuedDuration + _renderingDuration)
        {
            return new ProjectState("rendering", enabled, InitialCredits, false, null, null);
        }

        return Outcome.Kind switch
        {
            ProjectOutcomeKind.Complete => new ProjectState("complete", enabled, InitialCredits, enabled, null, null),
            ProjectOutcomeKind.Deleted => new ProjectState("complete", false, InitialCredits, false, null, null),
            ProjectOutcomeKind.Canceled => new ProjectState("canceled", enabled, InitialCredits, false, null, null),
            // A failed render is refunded.
            ProjectOutcomeKind.Error => new ProjectState("error", enabled, 0, false, Outcome.ErrorCode, Outcome.ErrorMessage),
            _ => throw new InvalidOperationException($"Unknown outcome {Outcome.Kind}."),
        };
    }
}

using System;
using System.Collections.Concurrent;

namespace MagicHour.Emulator;

/// <summary>Outcomes for the projects created next, first in first out; <see cref="ProjectOutcome.Complete"/> when empty.</summary>
public sealed class ProjectOutcomes
{
    private readonly ConcurrentQueue<ProjectOutcome> _queue = new();

    /// <summary>The next created project takes this outcome.</summary>
    public void Enqueue(ProjectOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _queue.Enqueue(outcome);
    }

    internal ProjectOutcome TakeNext() => _queue.TryDequeue(out ProjectOutcome? outcome) ? outcome : ProjectOutcome.Complete;
}

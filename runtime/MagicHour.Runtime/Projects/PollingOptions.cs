using System;

namespace MagicHour.Runtime.Projects;

/// <summary>How a project is polled: an interval that grows from <see cref="InitialInterval"/> to <see cref="MaxInterval"/>, within <see cref="Timeout"/>.</summary>
public sealed class PollingOptions
{
    /// <summary>The wait before the second poll (the first is immediate).</summary>
    public TimeSpan InitialInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two polls.</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>What each wait is multiplied by, at least 1.</summary>
    public double BackoffFactor { get; set; } = 1.5;

    /// <summary>How long to wait for a terminal status overall.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How many polls in a row may fail with a transient error (network, timeout, 429, 5xx, each after the pipeline's
    /// own retries) before the wait gives up.
    /// </summary>
    public int MaxConsecutiveFailures { get; set; } = 3;

    /// <summary>Never shows anything secret; there is nothing secret here.</summary>
    public override string ToString() =>
        $"PollingOptions {{ InitialInterval = {InitialInterval}, MaxInterval = {MaxInterval}, BackoffFactor = {BackoffFactor}, Timeout = {Timeout} }}";

    internal void Validate()
    {
        if (InitialInterval < TimeSpan.Zero || MaxInterval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialInterval), "Polling intervals cannot be negative.");
        }

        if (!(BackoffFactor >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(BackoffFactor), BackoffFactor, "BackoffFactor must be at least 1.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The polling timeout must be positive.");
        }

        if (MaxConsecutiveFailures < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConsecutiveFailures), MaxConsecutiveFailures, "MaxConsecutiveFailures cannot be negative.");
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MagicHour.Runtime.Projects;

/// <summary>
/// Waits for a project to reach <c>complete</c>, <c>error</c> or <c>canceled</c>, polling with a growing interval.
/// A status it does not know is reported through progress and never taken for a terminal one.
/// </summary>
public sealed class ProjectPoller
{
    private readonly PollingOptions _defaults;
    private readonly ILogger _logger;

    /// <summary>A poller with default settings that logs nothing.</summary>
    public ProjectPoller()
        : this(null, null)
    {
    }

    /// <summary>A poller with the pipeline's polling settings and logger.</summary>
    public ProjectPoller(ApiPipeline pipeline)
        : this((pipeline ?? throw new ArgumentNullException(nameof(pipeline))).Options.Polling, pipeline.Logger)
    {
    }

    /// <summary>A poller with these default settings and logger.</summary>
    public ProjectPoller(PollingOptions? defaults, ILogger? logger)
    {
        _defaults = defaults ?? new PollingOptions();
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Polls until the project ends; returns the last snapshot when it is complete.</summary>
    /// <param name="projectId">The project's id, for progress, logs and errors.</param>
    /// <param name="getSnapshot">Fetches the project once, e.g. <c>GET /v1/image-projects/{id}</c>.</param>
    /// <param name="options">Settings for this wait; null takes the poller's.</param>
    /// <param name="progress">Told the status and elapsed time after every poll.</param>
    /// <param name="cancellationToken">Stops the wait with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="MagicHourProjectException">
    /// The project failed, was canceled or deleted, or did not finish within <see cref="PollingOptions.Timeout"/>
    /// (kind <see cref="MagicHourErrorKind.Timeout"/>, naming the last status seen).
    /// </exception>
    public async Task<ProjectSnapshot> WaitAsync(
        string projectId,
        Func<CancellationToken, Task<ProjectSnapshot>> getSnapshot,
        PollingOptions? options = null,
        IProgress<ProjectProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projectId);
        ArgumentNullException.ThrowIfNull(getSnapshot);
        options ??= _defaults;
        options.Validate();

        long start = Stopwatch.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        string? lastStatus = null;
        HashSet<string>? unknownStatuses = null;
        TimeSpan interval = options.InitialInterval;
        int consecutiveFailures = 0;
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                ProjectSnapshot snapshot;
                try
                {
                    snapshot = await getSnapshot(deadline.Token).ConfigureAwait(false);
                    consecutiveFailures = 0;
                }
                catch (MagicHourApiException ex) when (IsTransient(ex) && consecutiveFailures < options.MaxConsecutiveFailures && !deadline.IsCancellationRequested)
                {
                    consecutiveFailures++;
                    RuntimeLog.PollFailed(_logger, projectId, ex.Message, RuntimeLog.Milliseconds(interval));
                    await Task.Delay(interval, deadline.Token).ConfigureAwait(false);
                    interval = Grow(interval, options);
                    continue;
                }

                TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
                lastStatus = snapshot.Status;
                RuntimeLog.ProjectStatus(_logger, projectId, snapshot.Status, RuntimeLog.Milliseconds(elapsed), attempt);
                progress?.Report(new ProjectProgress(projectId, snapshot.Status, elapsed, attempt));

                if (!snapshot.Enabled)
                {
                    throw new MagicHourProjectException(
                        MagicHourErrorKind.ProjectDeleted,
                        $"Project {projectId} was deleted (enabled: false) while its status was '{snapshot.Status}'.",
                        projectId,
                        snapshot.Status);
                }

                switch (snapshot.Status)
                {
                    case ProjectStatus.Complete:
                        return snapshot;
                    case ProjectStatus.Error:
                        throw new MagicHourProjectException(
                            MagicHourErrorKind.ProjectFailed,
                            $"Project {projectId} failed: {snapshot.ErrorCode ?? "(no code)"}: {snapshot.ErrorMessage ?? "(no message)"}",
                            projectId,
                            snapshot.Status,
                            snapshot.ErrorCode,
                            snapshot.ErrorMessage);
                    case ProjectStatus.Canceled:
                        throw new MagicHourProjectException(
                            MagicHourErrorKind.ProjectCanceled,
                            $"Project {projectId} was canceled.",
                            projectId,
                            snapshot.Status,
                            snapshot.ErrorCode,
                            snapshot.ErrorMessage);
                }

                if (!ProjectStatus.IsKnown(snapshot.Status) && (unknownStatuses ??= new(StringComparer.Ordinal)).Add(snapshot.Status))
                {
                    RuntimeLog.UnknownProjectStatus(_logger, projectId, snapshot.Status);
                }

                await Task.Delay(WithJitter(interval), deadline.Token).ConfigureAwait(false);
                interval = Grow(interval, options);
            }
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new MagicHourProjectException(
                MagicHourErrorKind.Timeout,
                $"Project {projectId} did not finish within {options.Timeout}; the last status seen was {ProjectStatus.Describe(lastStatus)}.",
                projectId,
                lastStatus,
                innerException: ex);
        }
    }

    private static bool IsTransient(MagicHourApiException ex) => ex.Kind is
        MagicHourErrorKind.Network or MagicHourErrorKind.Timeout or MagicHourErrorKind.ServerError or MagicHourErrorKind.RateLimited;

    private static TimeSpan Grow(TimeSpan interval, PollingOptions options)
    {
        double next = Math.Max(interval.TotalMilliseconds, 1) * options.BackoffFactor;
        return TimeSpan.FromMilliseconds(Math.Min(next, options.MaxInterval.TotalMilliseconds));
    }

    // Spreads the polls of many concurrent waits so they do not arrive together.
    private static TimeSpan WithJitter(TimeSpan interval) =>
        TimeSpan.FromMilliseconds(interval.TotalMilliseconds * (0.9 + (0.2 * Random.Shared.NextDouble())));
}

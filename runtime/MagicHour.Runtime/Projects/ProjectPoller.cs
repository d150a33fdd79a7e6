using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using System.ClientModel.Primitives;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Logging;
using MagicHour.Runtime.Telemetry;
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
    private readonly KeyRedactor? _redactor;
    private readonly ClientPipelineOptions? _tracing;

    /// <summary>A poller with default settings that logs nothing.</summary>
    public ProjectPoller()
        : this(null, null)
    {
    }

    /// <summary>
    /// A poller with the pipeline's polling settings and logger, which redacts the API key from every status, id and
    /// error it reports, and traces each poll as a span.
    /// </summary>
    public ProjectPoller(ApiPipeline pipeline)
        : this((pipeline ?? throw new ArgumentNullException(nameof(pipeline))).Options.Polling, pipeline.Logger)
    {
        _redactor = pipeline.Redactor;
        _tracing = pipeline.PipelineOptions;
    }

    /// <summary>A poller with these default settings and logger.</summary>
    public ProjectPoller(PollingOptions? defaults, ILogger? logger)
    {
        _defaults = defaults ?? new PollingOptions();
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The clock the waits between polls run on; tests replace it to see the intervals without waiting them out.</summary>
    internal TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Polls until the project ends; returns the project as last read when it is complete.</summary>
    /// <typeparam name="TProject">The typed project, e.g. the response of <c>GET /v1/image-projects/{id}</c>.</typeparam>
    /// <param name="projectId">The project's id, for progress, logs and errors.</param>
    /// <param name="getProject">Fetches the project once.</param>
    /// <param name="stateOf">Reads status, errors and downloads from a fetched project (generated from the spec).</param>
    /// <param name="options">Settings for this wait; null takes the poller's.</param>
    /// <param name="progress">Told the status and elapsed time after every poll.</param>
    /// <param name="cancellationToken">Stops the wait with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The read that saw <c>complete</c>: its status, details and downloads belong together.</returns>
    /// <exception cref="MagicHourProjectException">
    /// The project failed, was canceled or deleted, or did not finish within <see cref="PollingOptions.Timeout"/>
    /// (kind <see cref="MagicHourErrorKind.Timeout"/>, naming the last status seen).
    /// </exception>
    public async Task<TProject> WaitAsync<TProject>(
        string projectId,
        Func<CancellationToken, Task<TProject>> getProject,
        Func<TProject, ProjectState> stateOf,
        PollingOptions? options = null,
        IProgress<ProjectProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projectId);
        ArgumentNullException.ThrowIfNull(getProject);
        ArgumentNullException.ThrowIfNull(stateOf);
        options ??= _defaults;
        options.Validate();

        string shownId = Redact(projectId)!;
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
                TProject project;
                using Activity? poll = _tracing is null ? null : MagicHourTelemetry.StartStep(_tracing, MagicHourTelemetry.PollSpan, [new(MagicHourTelemetry.ProjectIdAttribute, shownId)]);
                try
                {
                    project = await getProject(deadline.Token).ConfigureAwait(false);
                    consecutiveFailures = 0;
                }
                catch (Exception ex) when (Failed(poll, ex) && ex is MagicHourApiException api && IsTransient(api) && consecutiveFailures < options.MaxConsecutiveFailures && !deadline.IsCancellationRequested)
                {
                    consecutiveFailures++;
                    RuntimeLog.PollFailed(_logger, shownId, ex.Message, RuntimeLog.Milliseconds(interval));
                    poll?.Stop();
                    await Task.Delay(interval, TimeProvider, deadline.Token).ConfigureAwait(false);
                    interval = Grow(interval, options);
                    continue;
                }

                ProjectState state = stateOf(project);
                TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
                string status = Redact(state.Status ?? string.Empty)!;
                lastStatus = status;
                poll?.SetTag(MagicHourTelemetry.ProjectStatusAttribute, status).SetTag(MagicHourTelemetry.CreditsAttribute, state.CreditsCharged);
                RuntimeLog.ProjectStatus(_logger, shownId, status, RuntimeLog.Milliseconds(elapsed), attempt);
                progress?.Report(new ProjectProgress(shownId, status, elapsed, attempt));

                if (!state.Enabled)
                {
                    throw new MagicHourProjectException(
                        MagicHourErrorKind.ProjectDeleted,
                        $"Project {shownId} was deleted (enabled: false) while its status was '{status}'.",
                        shownId,
                        status,
                        creditsCharged: state.CreditsCharged);
                }

                switch (state.Status)
                {
                    case ProjectStatus.Complete:
                        return project;
                    case ProjectStatus.Error:
                        string? code = Redact(state.ErrorCode);
                        string? message = Redact(state.ErrorMessage);
                        throw new MagicHourProjectException(
                            MagicHourErrorKind.ProjectFailed,
                            $"Project {shownId} failed: {code ?? "(no code)"}: {message ?? "(no message)"}",
                            shownId,
                            status,
                            code,
                            message,
                            creditsCharged: state.CreditsCharged);
                    case ProjectStatus.Canceled:
                        throw new MagicHourProjectException(
                            MagicHourErrorKind.ProjectCanceled,
                            $"Project {shownId} was canceled.",
                            shownId,
                            status,
                            Redact(state.ErrorCode),
                            Redact(state.ErrorMessage),
                            creditsCharged: state.CreditsCharged);
                }

                if (!ProjectStatus.IsKnown(state.Status) && (unknownStatuses ??= new(StringComparer.Ordinal)).Add(status))
                {
                    RuntimeLog.UnknownProjectStatus(_logger, shownId, status);
                }

                poll?.Stop();
                await Task.Delay(WithJitter(interval), TimeProvider, deadline.Token).ConfigureAwait(false);
                interval = Grow(interval, options);
            }
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new MagicHourProjectException(
                MagicHourErrorKind.Timeout,
                $"Project {shownId} did not finish within {options.Timeout}; the last status seen was {ProjectStatus.Describe(lastStatus)}.",
                shownId,
                lastStatus,
                innerException: ex);
        }
    }

    private string? Redact(string? text) => _redactor is null ? text : _redactor.Redact(text);

    /// <summary>Marks the poll's span failed; always true, so that it can lead an exception filter.</summary>
    private static bool Failed(Activity? poll, Exception ex)
    {
        MagicHourTelemetry.Fail(poll, ex);
        return true;
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

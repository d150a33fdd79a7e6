using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MagicHour.Runtime.Files;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Logging;
using MagicHour.Runtime.Telemetry;

namespace MagicHour.Runtime.Projects;

/// <summary>
/// The status operation of a project type as generated code hands it to the runtime: it fetches the project by id.
/// </summary>
/// <typeparam name="TProject">The typed project.</typeparam>
/// <param name="projectId">The project's id.</param>
/// <param name="cancellationToken">Cancels the call.</param>
/// <param name="options">Per-call options, or null.</param>
public delegate Task<ClientResult<TProject>> GetProjectCall<TProject>(string projectId, CancellationToken cancellationToken, RequestOptions? options);

/// <summary>
/// A project being rendered, as a System.ClientModel <see cref="OperationResult"/>: <see cref="UpdateStatusAsync"/>
/// reads it once, <see cref="WaitForCompletionAsync(CancellationToken)"/> polls it until it is <c>complete</c> (with the
/// client's polling rules: backoff, transient failures, an overall timeout), <see cref="DownloadOutputsAsync"/> fetches
/// its outputs. Its <see cref="RehydrationToken"/> (or just its <see cref="ProjectId"/>) lets another process or a new
/// client take it up again, through the generated <c>RehydrateAsync</c> beside the project's status operation.
/// </summary>
/// <typeparam name="TProject">The typed project, the response of the status operation.</typeparam>
public class ProjectOperation<TProject> : OperationResult
{
    private readonly ApiPipeline _pipeline;
    private readonly GetProjectCall<TProject> _getProject;
    private readonly Func<TProject, ProjectState> _stateOf;
    private ProjectState? _state;

    /// <summary>Creates the operation of a project created (or fetched) with <paramref name="response"/>.</summary>
    /// <param name="pipeline">The client's pipeline.</param>
    /// <param name="projectId">The project's id.</param>
    /// <param name="statusOperationId">The spec's id of the status operation, kept in the rehydration token.</param>
    /// <param name="response">The latest response about the project: the create's, or a fetch's.</param>
    /// <param name="getProject">The generated status operation.</param>
    /// <param name="stateOf">The generated adapter that reads status, credits, downloads and error from the typed project.</param>
    public ProjectOperation(
        ApiPipeline pipeline, string projectId, string statusOperationId, PipelineResponse response, GetProjectCall<TProject> getProject, Func<TProject, ProjectState> stateOf)
        : base(response)
    {
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        ArgumentNullException.ThrowIfNull(statusOperationId);
        _getProject = getProject ?? throw new ArgumentNullException(nameof(getProject));
        _stateOf = stateOf ?? throw new ArgumentNullException(nameof(stateOf));
        ProjectId = projectId;
        RehydrationToken = new ProjectRehydrationToken(projectId, statusOperationId);
    }

    /// <summary>The project's id.</summary>
    public string ProjectId { get; }

    /// <summary>The project as last read; default until the first read.</summary>
    public TProject? Value { get; private set; }

    /// <summary>The status as last read (the key redacted), null until the first read.</summary>
    public string? Status => _state is null ? null : _pipeline.Redactor.Redact(_state.Status);

    /// <summary>The credits the project cost, net of refunds, as last reported.</summary>
    public int? CreditsCharged => _state?.CreditsCharged;

    /// <inheritdoc/>
    public override ContinuationToken? RehydrationToken { get; protected set; }

    /// <summary>Reads a project again by its id, e.g. after a process restart, and returns its operation.</summary>
    /// <exception cref="MagicHourApiException">The project cannot be read (e.g. <see cref="MagicHourErrorKind.NotFound"/>).</exception>
    public static async Task<ProjectOperation<TProject>> RehydrateAsync(
        ApiPipeline pipeline, string projectId, string statusOperationId, GetProjectCall<TProject> getProject, Func<TProject, ProjectState> stateOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(getProject);
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        ClientResult<TProject> first = await getProject(projectId, cancellationToken, null).ConfigureAwait(false);
        var operation = new ProjectOperation<TProject>(pipeline, projectId, statusOperationId, first.GetRawResponse(), getProject, stateOf);
        operation.Record(first);
        return operation;
    }

    /// <summary>Reads a project again from a <see cref="RehydrationToken"/> (its bytes may come from another process).</summary>
    /// <exception cref="ArgumentException">The token is not one of this kind of project.</exception>
    public static Task<ProjectOperation<TProject>> RehydrateAsync(
        ApiPipeline pipeline, ContinuationToken rehydrationToken, string statusOperationId, GetProjectCall<TProject> getProject, Func<TProject, ProjectState> stateOf, CancellationToken cancellationToken = default)
    {
        ProjectRehydrationToken token = ProjectRehydrationToken.FromToken(rehydrationToken);
        if (token.StatusOperationId != statusOperationId)
        {
            throw new ArgumentException($"The token is of a project read through {token.StatusOperationId}, not {statusOperationId}.", nameof(rehydrationToken));
        }

        return RehydrateAsync(pipeline, token.ProjectId, statusOperationId, getProject, stateOf, cancellationToken);
    }

    /// <summary>Reads the project once; <see cref="OperationResult.HasCompleted"/> is then true for <c>complete</c>, <c>error</c>, <c>canceled</c> or a deleted project.</summary>
    public override async ValueTask<ClientResult> UpdateStatusAsync(RequestOptions? options = null)
    {
        using Activity? poll = MagicHourTelemetry.StartStep(_pipeline.PipelineOptions, MagicHourTelemetry.PollSpan, [new(MagicHourTelemetry.ProjectIdAttribute, _pipeline.Redactor.Redact(ProjectId))]);
        try
        {
            ClientResult<TProject> result = await _getProject(ProjectId, options?.CancellationToken ?? default, options).ConfigureAwait(false);
            Record(result);
            poll?.SetTag(MagicHourTelemetry.ProjectStatusAttribute, Status).SetTag(MagicHourTelemetry.CreditsAttribute, CreditsCharged);
            return result;
        }
        catch (Exception ex)
        {
            MagicHourTelemetry.Fail(poll, ex);
            throw;
        }
    }

    /// <summary>Reads the project once, blocking the calling thread (the client's pipeline is asynchronous; prefer <see cref="UpdateStatusAsync"/>).</summary>
    public override ClientResult UpdateStatus(RequestOptions? options = null) => UpdateStatusAsync(options).AsTask().GetAwaiter().GetResult();

    /// <summary>Polls the project until it is <c>complete</c>, with the client's polling settings.</summary>
    /// <exception cref="MagicHourProjectException">The project failed, was canceled or deleted, or did not finish within the polling timeout.</exception>
    public override async ValueTask WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
        await WaitForCompletionAsync(null, null, cancellationToken).ConfigureAwait(false);

    /// <summary>Polls the project until it is <c>complete</c>, reporting every poll.</summary>
    /// <param name="progress">Told the status and elapsed time after every poll; null for none.</param>
    /// <param name="polling">Interval, backoff and overall timeout; null for the client's.</param>
    /// <param name="cancellationToken">Stops the wait with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The read that saw <c>complete</c>, with its response.</returns>
    /// <exception cref="MagicHourProjectException">The project failed, was canceled or deleted, or did not finish within the polling timeout.</exception>
    public virtual async ValueTask<ClientResult<TProject>> WaitForCompletionAsync(IProgress<ProjectProgress>? progress, PollingOptions? polling = null, CancellationToken cancellationToken = default)
    {
        ClientResult<TProject>? last = null;
        await new ProjectPoller(_pipeline).WaitAsync(
            ProjectId,
            async token =>
            {
                last = await _getProject(ProjectId, token, null).ConfigureAwait(false);
                Record(last);
                return last.Value;
            },
            _stateOf,
            polling,
            progress,
            cancellationToken).ConfigureAwait(false);
        return last!;
    }

    /// <summary>Polls the project until it is <c>complete</c>, blocking the calling thread (prefer <see cref="WaitForCompletionAsync(CancellationToken)"/>).</summary>
    public override void WaitForCompletion(CancellationToken cancellationToken = default) => WaitForCompletionAsync(cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Downloads the outputs of the completed project into <paramref name="directory"/> (see <see cref="OutputDownloader"/>:
    /// sanitized names, never overwriting, all or nothing). Whatever goes wrong is said with the project's id and
    /// credits, since it completed and was charged and its outputs can still be fetched later.
    /// </summary>
    /// <returns>The files written, in the order of the project's downloads; empty (and a warning logged) when it has none.</returns>
    /// <exception cref="InvalidOperationException">The project was not read as <c>complete</c>.</exception>
    /// <exception cref="MagicHourProjectException">An output could not be downloaded (a URL the client cannot fetch, the size limit, a download that kept failing).</exception>
    public virtual async Task<IReadOnlyList<string>> DownloadOutputsAsync(string directory, long? maxTotalBytes = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (_state?.Status != ProjectStatus.Complete)
        {
            throw new InvalidOperationException($"Project {Redacted(ProjectId)} is {ProjectStatus.Describe(Status)}, not complete: wait for it first.");
        }

        IReadOnlyList<string?> downloadUrls = _state.DownloadUrls;
        if (downloadUrls.Count == 0)
        {
            RuntimeLog.CompleteWithoutOutputs(_pipeline.Logger, Redacted(ProjectId));
            return Array.Empty<string>();
        }

        using Activity? step = MagicHourTelemetry.StartStep(_pipeline.PipelineOptions, MagicHourTelemetry.DownloadSpan, [new(MagicHourTelemetry.ProjectIdAttribute, Redacted(ProjectId))]);
        try
        {
            var urls = new Uri[downloadUrls.Count];
            for (int i = 0; i < urls.Length; i++)
            {
                if (!Uri.TryCreate(downloadUrls[i], UriKind.Absolute, out Uri? url) || !UriSafety.IsHttp(url))
                {
                    string shown = string.IsNullOrWhiteSpace(downloadUrls[i]) ? "missing" : $"'{Redacted(UriSafety.ForLog(downloadUrls[i]))}', which is not an absolute http(s) URL the client can fetch";
                    throw NotDownloaded(MagicHourErrorKind.InvalidResponse, $"the URL of output {i + 1} of {urls.Length} is {shown}; nothing was downloaded", innerException: null);
                }

                urls[i] = url;
            }

            try
            {
                return await new OutputDownloader(_pipeline).DownloadAsync(ProjectId, urls, directory, maxTotalBytes, cancellationToken).ConfigureAwait(false);
            }
            catch (MagicHourApiException ex)
            {
                throw NotDownloaded(ex.Kind, ex.Message, ex);
            }
        }
        catch (Exception ex)
        {
            MagicHourTelemetry.Fail(step, ex);
            throw;
        }
    }

    /// <summary>What was last read, for the workflow's result.</summary>
    internal ProjectState? State => _state;

    private void Record(ClientResult<TProject> result)
    {
        Value = result.Value;
        _state = _stateOf(result.Value);
        HasCompleted = !_state.Enabled || ProjectStatus.IsTerminal(_state.Status);
        SetRawResponse(result.GetRawResponse());
    }

    private string Redacted(string text) => _pipeline.Redactor.Redact(text)!;

    private MagicHourProjectException NotDownloaded(MagicHourErrorKind kind, string why, Exception? innerException) => new(
        kind,
        $"Project {Redacted(ProjectId)} completed{ProjectWorkflow.Credits(CreditsCharged)}, but its outputs were not downloaded: {why}. They stay available: fetch the project by its id later and download them.",
        Redacted(ProjectId),
        ProjectStatus.Complete,
        innerException: innerException,
        creditsCharged: CreditsCharged);
}

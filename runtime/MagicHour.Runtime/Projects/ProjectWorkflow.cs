using System;
using System.ClientModel;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MagicHour.Runtime.Files;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Telemetry;

namespace MagicHour.Runtime.Projects;

/// <summary>
/// The steps of a generated <c>GenerateAsync</c> that need no generated type: check and upload the local inputs, then
/// take the created project as a <see cref="ProjectOperation{TProject}"/>, wait for it and download its outputs. What
/// the spec says — how to mint upload URLs, how to fetch the project, where its status and downloads are — comes in
/// from the generated code. The whole call is one span, with the upload, each poll and the download as its children;
/// dispose the workflow to end it.
/// </summary>
public sealed class ProjectWorkflow : IDisposable
{
    private readonly ApiPipeline _pipeline;
    private readonly GenerateOptions _options;
    private readonly string _createOperationId;
    private readonly Activity? _span;
    private readonly List<string> _inputs = [];
    private readonly Dictionary<string, string> _uploads = new(StringComparer.Ordinal);

    /// <summary>Creates the workflow for one call of <paramref name="createOperationId"/>, and starts its span.</summary>
    public ProjectWorkflow(ApiPipeline pipeline, GenerateOptions? options, string createOperationId)
    {
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _createOperationId = createOperationId ?? throw new ArgumentNullException(nameof(createOperationId));
        _options = options ?? new GenerateOptions();
        _span = MagicHourTelemetry.StartStep(pipeline.PipelineOptions, MagicHourTelemetry.GenerateSpan, [new(MagicHourTelemetry.OperationAttribute, createOperationId)]);
    }

    /// <summary>Notes the value of an asset field; null is ignored.</summary>
    public void AddInput(string? value)
    {
        if (value is not null)
        {
            _inputs.Add(value);
        }
    }

    /// <summary>Notes the values of a list-valued asset field; a null list or item is ignored.</summary>
    public void AddInputs(IEnumerable<string?>? values)
    {
        foreach (string? value in values ?? [])
        {
            AddInput(value);
        }
    }

    /// <summary>
    /// Checks every local file among the inputs before anything is uploaded (so a bad input costs no upload and no
    /// credits), then uploads each distinct local file once. URLs and <c>api-assets/…</c> paths pass through.
    /// </summary>
    /// <param name="requestUploadUrls">The API's upload-URL operation; null when the API has none, so local files cannot be sent.</param>
    /// <param name="cancellationToken">Cancels the uploads.</param>
    /// <exception cref="ArgumentException">A local input cannot be uploaded; nothing was uploaded or charged.</exception>
    /// <exception cref="MagicHourApiException">The upload-URL call or an upload failed.</exception>
    public async Task UploadInputsAsync(UploadUrlsCall? requestUploadUrls, CancellationToken cancellationToken)
    {
        List<string> local = _inputs.Where(AssetUploader.IsLocalPath).Distinct(StringComparer.Ordinal).ToList();
        if (local.Count == 0)
        {
            return;
        }

        try
        {
            AssetUploader.ValidateLocalFiles(local);
            if (requestUploadUrls is null)
            {
                throw new ArgumentException(
                    $"'{local[0]}' is a local file, but this API has no operation that mints upload URLs, so it cannot be sent; pass an http(s) URL instead. Nothing was uploaded or charged.");
            }

            using Activity? step = MagicHourTelemetry.StartStep(_pipeline.PipelineOptions, MagicHourTelemetry.UploadSpan, [new("magichour.upload.count", local.Count)]);
            IReadOnlyList<string> uploaded;
            try
            {
                uploaded = await new AssetUploader(_pipeline, requestUploadUrls).UploadAsync(local, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                MagicHourTelemetry.Fail(step, ex);
                throw;
            }

            for (int i = 0; i < local.Count; i++)
            {
                _uploads[local[i]] = uploaded[i];
            }
        }
        catch (Exception ex)
        {
            MagicHourTelemetry.Fail(_span, ex);
            throw;
        }
    }

    /// <summary>The value to send for an asset field: its uploaded <c>file_path</c> when it was a local file.</summary>
    public string? Resolve(string? value) =>
        value is not null && _uploads.TryGetValue(value, out string? uploaded) ? uploaded : value;

    /// <summary>The values to send for a list-valued asset field.</summary>
    public IReadOnlyList<string>? Resolve(IReadOnlyList<string>? values) =>
        values?.Select(v => Resolve(v)!).ToList();

    /// <summary>
    /// Takes the project that <paramref name="create"/> makes as a <see cref="ProjectOperation{TProject}"/>, waits for
    /// it and downloads its outputs, as the options say. The read that saw it complete is the result: its status,
    /// details and downloads come from that one response.
    /// </summary>
    /// <typeparam name="TCreated">The create operation's response.</typeparam>
    /// <typeparam name="TProject">The typed project, the response of the status operation.</typeparam>
    /// <param name="create">The create call, already started.</param>
    /// <param name="projectIdOf">Reads the project id from the create's response; null, empty or blank is an invalid response.</param>
    /// <param name="creditsOf">Reads the credits the create reported, used until a poll reports them.</param>
    /// <param name="statusOperationId">The status operation's id, kept in the operation's rehydration token.</param>
    /// <param name="getProject">The status operation: fetches the project by id.</param>
    /// <param name="stateOf">Reads status, errors and downloads from the typed project.</param>
    /// <param name="cancellationToken">Cancels the wait and the downloads.</param>
    /// <exception cref="MagicHourApiException">The create failed or returned no usable project id (kind <see cref="MagicHourErrorKind.InvalidResponse"/>), or a poll failed.</exception>
    /// <exception cref="MagicHourProjectException">
    /// The project failed, was canceled or deleted, or the wait timed out; or it completed but its outputs could not be
    /// downloaded (a URL the client cannot fetch, the size limit, a download that kept failing).
    /// </exception>
    public async Task<ProjectResult<TProject>> CompleteAsync<TCreated, TProject>(
        Task<ClientResult<TCreated>> create,
        Func<TCreated, string?> projectIdOf,
        Func<TCreated, int?> creditsOf,
        string statusOperationId,
        GetProjectCall<TProject> getProject,
        Func<TProject, ProjectState> stateOf,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(projectIdOf);
        ArgumentNullException.ThrowIfNull(creditsOf);
        try
        {
            ClientResult<TCreated> created = await create.ConfigureAwait(false);
            string? projectId = projectIdOf(created.Value);
            int? createCredits = creditsOf(created.Value);
            if (string.IsNullOrWhiteSpace(projectId))
            {
                // Polling an empty id would fetch the collection, not a project.
                throw new MagicHourApiException(
                    MagicHourErrorKind.InvalidResponse,
                    $"{_createOperationId}: the response has {(projectId is null ? "no project id" : "an empty project id")}, so the project cannot be followed. It may exist and be charged{Credits(createCredits)}: look for it before trying again.",
                    created.GetRawResponse(),
                    operationId: _createOperationId)
                {
                    RequestMayHaveBeenProcessed = true,
                };
            }

            _span?.SetTag(MagicHourTelemetry.ProjectIdAttribute, _pipeline.Redactor.Redact(projectId));
            var operation = new ProjectOperation<TProject>(_pipeline, projectId, statusOperationId, created.GetRawResponse(), getProject, stateOf);
            if (_options.WaitForCompletion)
            {
                await operation.WaitForCompletionAsync(_options.Progress, _options.Polling, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await operation.UpdateStatusAsync(new() { CancellationToken = cancellationToken }).ConfigureAwait(false);
            }

            ProjectState state = operation.State!;
            int? credits = state.CreditsCharged ?? createCredits;
            _span?.SetTag(MagicHourTelemetry.ProjectStatusAttribute, operation.Status).SetTag(MagicHourTelemetry.CreditsAttribute, credits);
            IReadOnlyList<string> paths = state.Status == ProjectStatus.Complete && _options.WaitForCompletion && _options.DownloadOutputs
                ? await operation.DownloadOutputsAsync(_options.DownloadDirectory, _options.MaxDownloadBytes, cancellationToken).ConfigureAwait(false)
                : Array.Empty<string>();
            if (state.Status == ProjectStatus.Complete && state.DownloadUrls.Count == 0 && !(_options.WaitForCompletion && _options.DownloadOutputs))
            {
                Logging.RuntimeLog.CompleteWithoutOutputs(_pipeline.Logger, projectId);
            }

            return new ProjectResult<TProject>(projectId, state.Status, credits, operation.Value!, paths, state.DownloadUrls.Count);
        }
        catch (Exception ex)
        {
            MagicHourTelemetry.Fail(_span, ex);
            throw;
        }
    }

    /// <summary>Ends the call's span.</summary>
    public void Dispose() => _span?.Dispose();

    internal static string Credits(int? credits) => credits is { } value ? $" ({value} credits charged)" : string.Empty;
}

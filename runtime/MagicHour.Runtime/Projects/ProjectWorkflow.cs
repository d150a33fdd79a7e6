using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MagicHour.Runtime.Files;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Logging;

namespace MagicHour.Runtime.Projects;

/// <summary>
/// The steps of a generated <c>GenerateAsync</c> that need no generated type: check and upload the local inputs, then
/// (after the generated code created the project) wait for it and download its outputs. What the spec says — how to
/// mint upload URLs, how to fetch the project, where its status and downloads are — comes in from the generated code.
/// </summary>
public sealed class ProjectWorkflow
{
    private readonly ApiPipeline _pipeline;
    private readonly GenerateOptions _options;
    private readonly List<string> _inputs = [];
    private readonly Dictionary<string, string> _uploads = new(StringComparer.Ordinal);

    /// <summary>Creates the workflow for one call.</summary>
    public ProjectWorkflow(ApiPipeline pipeline, GenerateOptions? options)
    {
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _options = options ?? new GenerateOptions();
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

        AssetUploader.ValidateLocalFiles(local);
        if (requestUploadUrls is null)
        {
            throw new ArgumentException(
                $"'{local[0]}' is a local file, but this API has no operation that mints upload URLs, so it cannot be sent; pass an http(s) URL instead. Nothing was uploaded or charged.");
        }

        IReadOnlyList<string> uploaded = await new AssetUploader(_pipeline, requestUploadUrls).UploadAsync(local, cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < local.Count; i++)
        {
            _uploads[local[i]] = uploaded[i];
        }
    }

    /// <summary>The value to send for an asset field: its uploaded <c>file_path</c> when it was a local file.</summary>
    public string? Resolve(string? value) =>
        value is not null && _uploads.TryGetValue(value, out string? uploaded) ? uploaded : value;

    /// <summary>The values to send for a list-valued asset field.</summary>
    public IReadOnlyList<string>? Resolve(IReadOnlyList<string>? values) =>
        values?.Select(v => Resolve(v)!).ToList();

    /// <summary>
    /// Waits for the project created by <paramref name="createOperationId"/>, reading each poll with
    /// <paramref name="stateOf"/>, and downloads its outputs, as the options say. The read that saw it complete is the
    /// result: its status, details and downloads come from that one response.
    /// </summary>
    /// <typeparam name="TProject">The typed project, the response of the status operation.</typeparam>
    /// <param name="projectId">The id the create returned; null, empty or blank is an invalid response.</param>
    /// <param name="creditsCharged">The credits the create reported, used until a poll reports them.</param>
    /// <param name="createOperationId">The create operation, for errors.</param>
    /// <param name="getProject">The status operation: fetches the project by id.</param>
    /// <param name="stateOf">Reads status, errors and downloads from the typed project.</param>
    /// <param name="cancellationToken">Cancels the wait and the downloads.</param>
    /// <exception cref="MagicHourApiException">The create returned no usable project id (kind <see cref="MagicHourErrorKind.InvalidResponse"/>), or a poll failed.</exception>
    /// <exception cref="MagicHourProjectException">
    /// The project failed, was canceled or deleted, or the wait timed out; or it completed but its outputs could not be
    /// downloaded (a URL the client cannot fetch, the size limit, a download that kept failing).
    /// </exception>
    public async Task<ProjectResult<TProject>> CompleteAsync<TProject>(
        string? projectId,
        int? creditsCharged,
        string createOperationId,
        Func<string, CancellationToken, Task<TProject>> getProject,
        Func<TProject, ProjectState> stateOf,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(createOperationId);
        ArgumentNullException.ThrowIfNull(getProject);
        ArgumentNullException.ThrowIfNull(stateOf);
        if (string.IsNullOrWhiteSpace(projectId))
        {
            // Polling an empty id would fetch the collection, not a project.
            throw new MagicHourApiException(
                MagicHourErrorKind.InvalidResponse,
                $"{createOperationId}: the response has {(projectId is null ? "no project id" : "an empty project id")}, so the project cannot be followed. It may exist and be charged{Credits(creditsCharged)}: look for it before trying again.",
                operationId: createOperationId)
            {
                RequestMayHaveBeenProcessed = true,
            };
        }

        TProject project = _options.WaitForCompletion
            ? await new ProjectPoller(_pipeline).WaitAsync(projectId, ct => getProject(projectId, ct), stateOf, _options.Polling, _options.Progress, cancellationToken).ConfigureAwait(false)
            : await getProject(projectId, cancellationToken).ConfigureAwait(false);
        ProjectState state = stateOf(project);
        int? credits = state.CreditsCharged ?? creditsCharged;
        IReadOnlyList<string> paths = Array.Empty<string>();
        if (state.Status == ProjectStatus.Complete)
        {
            if (state.DownloadUrls.Count == 0)
            {
                RuntimeLog.CompleteWithoutOutputs(_pipeline.Logger, projectId);
            }
            else if (_options.WaitForCompletion && _options.DownloadOutputs)
            {
                paths = await DownloadAsync(projectId, credits, state.DownloadUrls, cancellationToken).ConfigureAwait(false);
            }
        }

        return new ProjectResult<TProject>(projectId, state.Status, credits, project, paths, state.DownloadUrls.Count);
    }

    /// <summary>
    /// Downloads the outputs of a project that completed and was charged; whatever goes wrong is said with the project's
    /// id and credits, since its outputs can still be fetched later.
    /// </summary>
    private async Task<IReadOnlyList<string>> DownloadAsync(string projectId, int? credits, IReadOnlyList<string?> downloadUrls, CancellationToken cancellationToken)
    {
        ApiKeyCredential redactor = _pipeline.Credential;
        string shownId = redactor.Redact(projectId)!;
        var urls = new Uri[downloadUrls.Count];
        for (int i = 0; i < urls.Length; i++)
        {
            if (!Uri.TryCreate(downloadUrls[i], UriKind.Absolute, out Uri? url) || !UriSafety.IsHttp(url))
            {
                string shown = string.IsNullOrWhiteSpace(downloadUrls[i]) ? "missing" : $"'{redactor.Redact(UriSafety.ForLog(downloadUrls[i]))}', which is not an absolute http(s) URL the client can fetch";
                throw NotDownloaded(
                    MagicHourErrorKind.InvalidResponse,
                    shownId,
                    credits,
                    $"the URL of output {i + 1} of {urls.Length} is {shown}; nothing was downloaded",
                    innerException: null);
            }

            urls[i] = url;
        }

        try
        {
            return await new OutputDownloader(_pipeline).DownloadAsync(projectId, urls, _options.DownloadDirectory, _options.MaxDownloadBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (MagicHourApiException ex)
        {
            throw NotDownloaded(ex.Kind, shownId, credits, ex.Message, ex);
        }
    }

    private static MagicHourProjectException NotDownloaded(MagicHourErrorKind kind, string projectId, int? credits, string why, Exception? innerException) => new(
        kind,
        $"Project {projectId} completed{Credits(credits)}, but its outputs were not downloaded: {why}. They stay available: fetch the project by its id later and download them.",
        projectId,
        ProjectStatus.Complete,
        innerException: innerException,
        creditsCharged: credits);

    private static string Credits(int? credits) => credits is { } value ? $" ({value} credits charged)" : string.Empty;
}

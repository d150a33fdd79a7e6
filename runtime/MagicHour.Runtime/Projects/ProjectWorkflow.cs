using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MagicHour.Runtime.Files;
using MagicHour.Runtime.Http;

namespace MagicHour.Runtime.Projects;

/// <summary>
/// The steps of a generated <c>GenerateAsync</c> that need no generated types: check and upload the local inputs, then
/// (after the generated code created the project) wait for it, fetch its details and download its outputs.
/// </summary>
public sealed class ProjectWorkflow
{
    private readonly ApiPipeline _pipeline;
    private readonly GenerateOptions _options;

    /// <summary>Creates the workflow for one call.</summary>
    public ProjectWorkflow(ApiPipeline pipeline, GenerateOptions? options)
    {
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _options = options ?? new GenerateOptions();
    }

    /// <summary>
    /// Checks every local file among <paramref name="values"/> before anything is uploaded (so a bad input costs no upload
    /// and no credits), then uploads each distinct local file once. URLs and <c>api-assets/…</c> paths pass through.
    /// </summary>
    /// <returns>For each local path, the <c>file_path</c> to send instead.</returns>
    public async Task<IReadOnlyDictionary<string, string>> UploadAsync(IEnumerable<string?> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        List<string> local = values.Where(v => v is not null && AssetUploader.IsLocalPath(v)).Select(v => v!).Distinct(StringComparer.Ordinal).ToList();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (local.Count == 0)
        {
            return map;
        }

        var uploader = new AssetUploader(_pipeline);
        uploader.ValidateLocalFiles(local);
        IReadOnlyList<string> uploaded = await uploader.UploadAsync(local, cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < local.Count; i++)
        {
            map[local[i]] = uploaded[i];
        }

        return map;
    }

    /// <summary>The value to send for an asset field: its uploaded <c>file_path</c> when it was a local file.</summary>
    public static string? Resolve(IReadOnlyDictionary<string, string> uploads, string? value) =>
        value is not null && uploads.TryGetValue(value, out string? uploaded) ? uploaded : value;

    /// <summary>The values to send for a list-valued asset field.</summary>
    public static IReadOnlyList<string>? Resolve(IReadOnlyDictionary<string, string> uploads, IReadOnlyList<string>? values) =>
        values?.Select(v => Resolve(uploads, v)!).ToList();

    /// <summary>
    /// Waits for the project through <paramref name="statusPath"/> (the status operation of its kind), fetches its typed
    /// details with <paramref name="getDetails"/> and downloads its outputs, as the options say.
    /// </summary>
    /// <exception cref="MagicHourProjectException">The project failed, was canceled or deleted, or the wait timed out.</exception>
    public async Task<ProjectResult<TProject>> CompleteAsync<TProject>(
        string projectId,
        int? creditsCharged,
        string statusPath,
        string statusOperationId,
        Func<string, CancellationToken, Task<TProject>> getDetails,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projectId);
        ArgumentNullException.ThrowIfNull(getDetails);
        if (!_options.WaitForCompletion)
        {
            ProjectSnapshot current = await PollOnceAsync(statusPath, statusOperationId, cancellationToken).ConfigureAwait(false);
            TProject details = await getDetails(projectId, cancellationToken).ConfigureAwait(false);
            return new ProjectResult<TProject>(projectId, current.Status, current.CreditsCharged ?? creditsCharged, details, Array.Empty<string>());
        }

        var poller = new ProjectPoller(_pipeline);
        ProjectSnapshot final = await poller.WaitAsync(
            projectId,
            ct => PollOnceAsync(statusPath, statusOperationId, ct),
            _options.Polling,
            _options.Progress,
            cancellationToken).ConfigureAwait(false);
        TProject project = await getDetails(projectId, cancellationToken).ConfigureAwait(false);

        IReadOnlyList<string> paths = Array.Empty<string>();
        if (_options.DownloadOutputs && final.Downloads.Count > 0)
        {
            paths = await new OutputDownloader(_pipeline).DownloadAsync(projectId, final.Downloads, _options.DownloadDirectory, cancellationToken).ConfigureAwait(false);
        }

        return new ProjectResult<TProject>(projectId, final.Status, final.CreditsCharged ?? creditsCharged, project, paths);
    }

    private Task<ProjectSnapshot> PollOnceAsync(string statusPath, string statusOperationId, CancellationToken cancellationToken) =>
        _pipeline.SendAsync(new ApiRequest(HttpMethod.Get, statusPath, statusOperationId), ProjectSnapshot.ReadJson, cancellationToken);
}

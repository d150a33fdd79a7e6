using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;

namespace MagicHour.Runtime.Telemetry;

/// <summary>
/// The client's distributed tracing: one <see cref="ActivitySource"/> named <see cref="ActivitySourceName"/>, with a
/// span per API call, upload and download (kind <see cref="ActivityKind.Client"/>, OpenTelemetry's HTTP attributes)
/// and, inside a <c>GenerateAsync</c>, a span for the whole job and one per step (upload, each poll, download). Spans
/// are made only when something listens (OpenTelemetry's <c>AddSource(MagicHourTelemetry.ActivitySourceName)</c>, an
/// <see cref="ActivityListener"/>) and <see cref="ClientPipelineOptions.EnableDistributedTracing"/> is not false.
/// </summary>
public static class MagicHourTelemetry
{
    /// <summary>The name of the client's <see cref="ActivitySource"/>: <c>MagicHour.Runtime</c>.</summary>
    public const string ActivitySourceName = "MagicHour.Runtime";

    /// <summary>The span of a whole <c>GenerateAsync</c>.</summary>
    public const string GenerateSpan = "MagicHour.Generate";

    /// <summary>The span of the upload step of a <c>GenerateAsync</c>: the upload-URL call and every upload.</summary>
    public const string UploadSpan = "MagicHour.Upload";

    /// <summary>The span of one poll of a project.</summary>
    public const string PollSpan = "MagicHour.Poll";

    /// <summary>The span of the download step: every output's download.</summary>
    public const string DownloadSpan = "MagicHour.Download";

    /// <summary>The attribute with the project's id.</summary>
    public const string ProjectIdAttribute = "magichour.project.id";

    /// <summary>The attribute with the project's status as the server sent it.</summary>
    public const string ProjectStatusAttribute = "magichour.project.status";

    /// <summary>The attribute with the credits the project cost, as last reported.</summary>
    public const string CreditsAttribute = "magichour.project.credits_charged";

    /// <summary>The attribute with the operation's id in the spec (or <c>upload</c>, <c>download</c>).</summary>
    public const string OperationAttribute = "magichour.operation.id";

    /// <summary>The attribute with the <see cref="MagicHourErrorKind"/> of a failed span.</summary>
    public const string ErrorKindAttribute = "magichour.error.kind";

    internal static ActivitySource Source { get; } = new(ActivitySourceName, typeof(MagicHourTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>A client span for one HTTP call, through System.ClientModel (which honours <c>EnableDistributedTracing</c>).</summary>
    internal static Activity? StartCall(ClientPipelineOptions options, string operation, PipelineRequest request) =>
        Source.StartClientActivity(options, operation, ActivityKind.Client, tags:
        [
            new("http.request.method", request.Method),
            new("server.address", request.Uri!.IdnHost),
            new("server.port", request.Uri.Port),
            new("url.full", request.Uri.GetLeftPart(UriPartial.Path)),
            new(OperationAttribute, operation),
        ]);

    /// <summary>Records the status of the response a call span got; an error status marks it failed.</summary>
    internal static void Answered(Activity? activity, PipelineResponse response)
    {
        activity?.SetTag("http.response.status_code", response.Status);
        if (response.IsError)
        {
            activity?.SetTag("error.type", response.Status.ToString(CultureInfo.InvariantCulture)).SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>A span for a step of a workflow; the HTTP calls inside it are its children.</summary>
    internal static Activity? StartStep(ClientPipelineOptions options, string name, IEnumerable<KeyValuePair<string, object?>>? tags = null) =>
        options.EnableDistributedTracing == false ? null : Source.StartActivity(name, ActivityKind.Internal, default(ActivityContext), tags);

    /// <summary>Marks <paramref name="activity"/> failed with <paramref name="exception"/>: status, <c>error.type</c> and our kind.</summary>
    internal static void Fail(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.MarkClientActivityFailed(exception);
        if (exception is MagicHourApiException api)
        {
            activity.SetTag(ErrorKindAttribute, api.Kind.ToString());
            if (api.Status != 0)
            {
                activity.SetTag("http.response.status_code", api.Status);
            }
            else
            {
                // No status to name (System.ClientModel writes "0"): the kind is the low-cardinality class OpenTelemetry asks for.
                activity.SetTag("error.type", api.Kind.ToString());
            }
        }
    }
}

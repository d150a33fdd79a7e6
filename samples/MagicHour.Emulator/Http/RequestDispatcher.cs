using System;
using System.Threading.Tasks;
using MagicHour.Emulator.Projects;
using MagicHour.Emulator.Spec;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace MagicHour.Emulator.Http;

/// <summary>The emulator's single terminal middleware: counts, injects faults, authenticates and routes.</summary>
internal sealed class RequestDispatcher
{
    private readonly EmulatorContext _emulator;
    private readonly FaultInjector _faults;
    private readonly UploadUrlsHandler _uploadUrls;
    private readonly CreateProjectHandler _generator;
    private readonly CreateProjectHandler _editor;
    private readonly ProjectHandler _projects;
    private readonly AssetHandler _assets;

    public RequestDispatcher(EmulatorContext emulator)
    {
        _emulator = emulator;
        _faults = new FaultInjector(emulator);
        _uploadUrls = new UploadUrlsHandler(emulator);
        _generator = new CreateProjectHandler(emulator, ProjectKind.ImageGenerator);
        _editor = new CreateProjectHandler(emulator, ProjectKind.ImageEditor);
        _projects = new ProjectHandler(emulator);
        _assets = new AssetHandler(emulator);
    }

    public async Task HandleAsync(HttpContext context)
    {
        string method = context.Request.Method;
        string path = context.Request.Path.Value ?? "/";
        _emulator.Stats.RecordRequest(method, path);

        // As the real API does: an id per request, for support and for the client's errors and raw responses.
        context.Response.Headers["x-request-id"] = "req_" + Guid.NewGuid().ToString("N");
        bool isUpload = path.StartsWith(AssetHandler.UploadsPrefix, StringComparison.Ordinal);
        bool isDownload = path.StartsWith(AssetHandler.DownloadsPrefix, StringComparison.Ordinal);
        if ((isUpload || isDownload) && context.Request.Headers.ContainsKey("Authorization"))
        {
            // Counted before any fault: a key sent to the asset host has leaked whatever the answer.
            _emulator.Stats.RecordAuthorizationHeaderOnAsset();
        }

        try
        {
            FaultRule? fault = _emulator.Faults.TakeMatch(method, path);
            if (fault is null)
            {
                await RouteAsync(context, method, path, null).ConfigureAwait(false);
            }
            else
            {
                await _faults.ApplyAsync(context, fault, isDownload, rule => RouteAsync(context, method, path, rule)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || _emulator.Stopping.IsCancellationRequested)
        {
            // The client went away or the emulator is stopping.
        }
    }

    private Task RouteAsync(HttpContext context, string method, string path, FaultRule? downloadFault)
    {
        if (path.StartsWith(AssetHandler.UploadsPrefix, StringComparison.Ordinal))
        {
            return HttpMethods.IsPut(method) ? _assets.UploadAsync(context) : MethodNotAllowedAsync(context);
        }

        if (path.StartsWith(AssetHandler.DownloadsPrefix, StringComparison.Ordinal))
        {
            return HttpMethods.IsGet(method) ? _assets.DownloadAsync(context, downloadFault) : MethodNotAllowedAsync(context);
        }

        if (!path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            return NotFoundAsync(context);
        }

        if (!IsAuthorized(context))
        {
            return HttpJson.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
        }

        if (path.StartsWith(ApiSpec.ImageProjectsPath, StringComparison.Ordinal))
        {
            return method switch
            {
                _ when HttpMethods.IsGet(method) => _projects.GetAsync(context),
                _ when HttpMethods.IsDelete(method) => _projects.DeleteAsync(context),
                _ => MethodNotAllowedAsync(context),
            };
        }

        Func<HttpContext, Task>? create = path switch
        {
            ApiSpec.UploadUrlsPath => _uploadUrls.HandleAsync,
            ApiSpec.ImageGeneratorPath => _generator.HandleAsync,
            ApiSpec.ImageEditorPath => _editor.HandleAsync,
            _ => null,
        };
        if (create is null)
        {
            return NotFoundAsync(context);
        }

        return HttpMethods.IsPost(method) ? create(context) : MethodNotAllowedAsync(context);
    }

    private bool IsAuthorized(HttpContext context)
    {
        StringValues header = context.Request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string token = value["Bearer ".Length..].Trim();
        string? required = _emulator.Options.RequiredApiKey;
        return token.Length > 0 && (required is null || string.Equals(token, required, StringComparison.Ordinal));
    }

    private static Task NotFoundAsync(HttpContext context) =>
        HttpJson.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Not Found");

    private static Task MethodNotAllowedAsync(HttpContext context) =>
        HttpJson.WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed");
}

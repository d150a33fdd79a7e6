using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MagicHour.Emulator.Imaging;
using MagicHour.Emulator.Projects;
using MagicHour.Emulator.Spec;
using MagicHour.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace MagicHour.Emulator.Http;

/// <summary>POST /v1/ai-image-generator and /v1/ai-image-editor: validates, charges and creates a project.</summary>
internal sealed class CreateProjectHandler(EmulatorContext emulator, ProjectKind kind)
{
    private JsonElement Schema => kind == ProjectKind.ImageEditor ? emulator.Spec.EditorSchema : emulator.Spec.GeneratorSchema;

    private ModelCatalog Models => kind == ProjectKind.ImageEditor ? emulator.Spec.EditorModels : emulator.Spec.GeneratorModels;

    public async Task HandleAsync(HttpContext context)
    {
        using JsonDocument? body = await HttpJson.ReadBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        JsonElement request = body.RootElement;
        ModelInfo? model = null;
        int imageCount = 0;
        string? problem = emulator.Spec.Validator.Validate(request, Schema) ?? CheckRules(request, out model, out imageCount);
        if (problem is not null || model is null)
        {
            await HttpJson.WriteErrorAsync(context, StatusCodes.Status422UnprocessableEntity, problem ?? "model: not available").ConfigureAwait(false);
            return;
        }

        Project project = CreateProject(request, model, imageCount);
        emulator.Projects.Add(project);
        emulator.Stats.RecordCreate();

        await HttpJson.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("id", project.Id);
            writer.WriteNumber("credits_charged", project.InitialCredits);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>The rules beyond the JSON schema: model limits from x-model-info and the input assets.</summary>
    private string? CheckRules(JsonElement request, out ModelInfo? model, out int imageCount)
    {
        string? requestedModel = request.TryGetProperty("model", out JsonElement modelElement) ? modelElement.GetString() : null;
        model = Models.Find(requestedModel);
        imageCount = request.TryGetProperty("image_count", out JsonElement countElement) ? (int)countElement.GetDouble() : 1;
        if (model is null)
        {
            return $"model: '{requestedModel}' is not available";
        }

        if (!model.ImageCounts.Contains(imageCount))
        {
            return $"image_count: model '{model.Name}' allows an image_count of {string.Join(", ", model.ImageCounts)}, not {imageCount.ToString(CultureInfo.InvariantCulture)}";
        }

        if (request.TryGetProperty("resolution", out JsonElement resolutionElement)
            && resolutionElement.GetString() is { } resolution
            && resolution != "auto"
            && model.Resolutions is not null
            && !model.Resolutions.Contains(resolution))
        {
            return $"resolution: model '{model.Name}' supports {string.Join(", ", model.Resolutions)}, not '{resolution}'";
        }

        return kind == ProjectKind.ImageEditor ? CheckEditorAssets(request.GetProperty("assets"), model) : null;
    }

    private string? CheckEditorAssets(JsonElement assets, ModelInfo model)
    {
        var images = new List<(string Field, string Path)>();
        if (assets.TryGetProperty("image_file_path", out JsonElement single) && single.ValueKind == JsonValueKind.String)
        {
            images.Add(("assets.image_file_path", single.GetString()!));
        }

        if (assets.TryGetProperty("image_file_paths", out JsonElement several) && several.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (JsonElement path in several.EnumerateArray())
            {
                images.Add(($"assets.image_file_paths[{index.ToString(CultureInfo.InvariantCulture)}]", path.GetString()!));
                index++;
            }
        }

        if (images.Count == 0)
        {
            return "assets: image_file_path or image_file_paths is required";
        }

        if (model.MaxAdditionalImages is int maxAdditional && images.Count - 1 > maxAdditional)
        {
            return $"assets.image_file_paths: model '{model.Name}' accepts at most {maxAdditional.ToString(CultureInfo.InvariantCulture)} additional images";
        }

        foreach ((string field, string path) in images)
        {
            string? problem = CheckAssetPath(field, path);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private string? CheckAssetPath(string field, string path)
    {
        if (Uri.TryCreate(path, UriKind.Absolute, out Uri? url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return null;
        }

        UploadSlot? slot = emulator.Uploads.Find(path);
        if (slot is null)
        {
            return $"{field}: '{path}' is neither an http(s) URL nor a file_path returned by /v1/files/upload-urls";
        }

        if (!slot.IsUploaded)
        {
            return $"{field}: nothing was uploaded to '{path}'";
        }

        return slot.AssetType == "image" ? null : $"{field}: '{path}' is a {slot.AssetType} asset, not an image";
    }

    private Project CreateProject(JsonElement request, ModelInfo model, int imageCount)
    {
        ProjectOutcome outcome = emulator.Outcomes.TakeNext();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        string name = request.TryGetProperty("name", out JsonElement nameElement) && nameElement.GetString() is { } given
            ? given
            : DefaultName(now);
        string prompt = request.GetProperty("style").GetProperty("prompt").GetString()!;
        string? aspectRatio = request.TryGetProperty("aspect_ratio", out JsonElement ratio) ? ratio.GetString() : null;

        var project = new Project(
            outcome.ProjectId ?? TokenGenerator.NewId(),
            kind,
            name,
            imageCount,
            model.CreditsPerImage * imageCount,
            prompt,
            aspectRatio,
            outcome,
            emulator.Options.QueuedDuration,
            emulator.Options.RenderingDuration);

        var outputs = new ProjectOutput[imageCount];
        for (int i = 0; i < imageCount; i++)
        {
            int index = i;
            string outputName = outcome.DownloadNames is { } names && index < names.Count
                ? names[index]
                : $"output-{(index + 1).ToString(CultureInfo.InvariantCulture)}{(outcome.DownloadSizeBytes is null ? ".png" : ".bin")}";
            outputs[i] = new ProjectOutput(
                project,
                index,
                outputName,
                TokenGenerator.NewSignature(),
                () => ImageRenderer.RenderPng(kind + "\n" + prompt, aspectRatio, index));
        }

        project.Outputs = outputs;
        return project;
    }

    // The schema's default reads e.g. "Ai Image - dateTime".
    private string DefaultName(DateTimeOffset now)
    {
        string template = Schema.GetProperty("properties").GetProperty("name").TryGetProperty("default", out JsonElement value)
            ? value.GetString() ?? "Image - dateTime"
            : "Image - dateTime";
        return template.Replace("dateTime", Timestamps.Format(now), StringComparison.Ordinal);
    }
}

using System.Threading.Tasks;
using MagicHour.Emulator.Projects;
using Microsoft.AspNetCore.Http;

namespace MagicHour.Emulator.Http;

/// <summary>GET and DELETE /v1/image-projects/{id}.</summary>
internal sealed class ProjectHandler(EmulatorContext emulator)
{
    public async Task GetAsync(HttpContext context)
    {
        Project? project = Find(context);
        if (project is null)
        {
            await HttpJson.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Not Found").ConfigureAwait(false);
            return;
        }

        ProjectState state = project.Poll();
        string expiresAt = Timestamps.Format(project.DownloadsExpireAt);
        await HttpJson.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("id", project.Id);
            writer.WriteString("name", project.Name);
            writer.WriteString("status", state.Status);
            writer.WriteNumber("image_count", project.ImageCount);
            writer.WriteString("type", project.Kind == ProjectKind.ImageEditor ? "AI_IMAGE_EDITOR" : "AI_IMAGE");
            writer.WriteString("created_at", Timestamps.Format(project.CreatedAt));
            writer.WriteBoolean("enabled", state.Enabled);
            writer.WriteNumber("credits_charged", state.CreditsCharged);
            writer.WriteStartArray("downloads");
            if (state.HasDownloads && project.Outcome.DownloadUrls is { } urls)
            {
                foreach (string url in urls)
                {
                    writer.WriteStartObject();
                    writer.WriteString("url", url);
                    writer.WriteString("expires_at", expiresAt);
                    writer.WriteEndObject();
                }
            }
            else if (state.HasDownloads)
            {
                foreach (ProjectOutput output in project.Outputs)
                {
                    writer.WriteStartObject();
                    writer.WriteString("url", AssetHandler.DownloadUrl(emulator.AssetBaseAddress, output));
                    writer.WriteString("expires_at", expiresAt);
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
            if (state.ErrorCode is null)
            {
                writer.WriteNull("error");
            }
            else
            {
                writer.WriteStartObject("error");
                writer.WriteString("code", state.ErrorCode);
                writer.WriteString("message", state.ErrorMessage);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public async Task DeleteAsync(HttpContext context)
    {
        Project? project = Find(context);
        if (project is null)
        {
            await HttpJson.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Not Found").ConfigureAwait(false);
            return;
        }

        project.Delete();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private Project? Find(HttpContext context)
    {
        string? id = RawPath.SegmentAfter(context, "/v1/image-projects/");
        return id is null ? null : emulator.Projects.Find(id);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MagicHour.Runtime.Files;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Json;
using MagicHour.Runtime.Projects;

namespace MagicHour.Benchmarks;

/// <summary>Create → poll → download through the runtime, with hand-written requests as generated code will make them.</summary>
internal static class Workflow
{
    public static async Task<IReadOnlyList<string>> RunAsync(ApiPipeline pipeline, string directory, PollingOptions polling, CancellationToken cancellationToken)
    {
        var create = new ApiRequest(HttpMethod.Post, "/v1/ai-image-generator", "aiImageGenerator.createImage");
        create.SetJsonBody("benchmark", static (writer, prompt) =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("image_count", 1);
            writer.WriteString("model", "flux-schnell");
            writer.WriteStartObject("style");
            writer.WriteString("prompt", prompt);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
        string id = (await pipeline.SendAsync(create, JsonCodec.Read<CreatedProject, CreatedProject>, null, cancellationToken)).Value.Id;
        Project final = await new ProjectPoller(pipeline).WaitAsync(
            id,
            async token => (await pipeline.SendAsync(
                new ApiRequest(HttpMethod.Get, "/v1/image-projects/" + ParameterFormatter.EscapePath(id), "imageProjects.getDetails"),
                JsonCodec.Read<Project, Project>,
                null,
                token)).Value,
            static project => new ProjectState(string.Empty, project.Status, true, null, project.DownloadUrls, null, null),
            polling,
            null,
            cancellationToken);
        return await new OutputDownloader(pipeline).DownloadAsync(id, final.DownloadUrls.Select(url => new Uri(url!)).ToList(), directory, cancellationToken);
    }

    /// <summary>The id of a created project, read through its own codec as the generated type is.</summary>
    private sealed record CreatedProject(string Id) : IJsonCodec<CreatedProject>
    {
        static CreatedProject IJsonCodec<CreatedProject>.Read(ref JsonModelReader reader)
        {
            string? id = null;
            reader.StartObject("CreatedProject");
            while (reader.NextProperty())
            {
                switch (reader.PropertyName)
                {
                    case "id": id = reader.String(); break;
                    default: reader.Skip(); break;
                }
            }

            return new CreatedProject(id ?? throw reader.Missing("id"));
        }

        static void IJsonCodec<CreatedProject>.Write(JsonModelWriter writer, CreatedProject value)
        {
            writer.StartObject();
            writer.String(JsonEncodedText.Encode("id"), value.Id);
            writer.EndObject();
        }
    }

    /// <summary>The status and download URLs of a project, read through its own codec as the generated type is.</summary>
    private sealed record Project(string Status, IReadOnlyList<string?> DownloadUrls) : IJsonCodec<Project>
    {
        static Project IJsonCodec<Project>.Read(ref JsonModelReader reader)
        {
            string? status = null;
            IReadOnlyList<Download>? downloads = null;
            reader.StartObject("Project");
            while (reader.NextProperty())
            {
                switch (reader.PropertyName)
                {
                    case "status": status = reader.String(); break;
                    case "downloads": downloads = reader.List<Download>(); break;
                    default: reader.Skip(); break;
                }
            }

            return new Project(status ?? string.Empty, downloads?.Select(download => download.Url).ToList() ?? []);
        }

        static void IJsonCodec<Project>.Write(JsonModelWriter writer, Project value)
        {
            writer.StartObject();
            writer.String(JsonEncodedText.Encode("status"), value.Status);
            writer.List<Download>(JsonEncodedText.Encode("downloads"), value.DownloadUrls.Select(url => new Download(url)).ToList());
            writer.EndObject();
        }
    }

    /// <summary>One output of a project.</summary>
    private sealed record Download(string? Url) : IJsonCodec<Download>
    {
        static Download IJsonCodec<Download>.Read(ref JsonModelReader reader)
        {
            string? url = null;
            reader.StartObject("Download");
            while (reader.NextProperty())
            {
                switch (reader.PropertyName)
                {
                    case "url": url = reader.String(); break;
                    default: reader.Skip(); break;
                }
            }

            return new Download(url);
        }

        static void IJsonCodec<Download>.Write(JsonModelWriter writer, Download value)
        {
            writer.StartObject();
            writer.String(JsonEncodedText.Encode("url"), value.Url);
            writer.EndObject();
        }
    }
}

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
        string id = (await pipeline.SendAsync(create, ReadId, null, cancellationToken)).Value;
        ProjectState final = await new ProjectPoller(pipeline).WaitAsync(
            id,
            async token => (await pipeline.SendAsync(
                new ApiRequest(HttpMethod.Get, "/v1/image-projects/" + ParameterFormatter.EscapePath(id), "imageProjects.getDetails"),
                ReadProject,
                null,
                token)).Value,
            static project => project,
            polling,
            null,
            cancellationToken);
        return await new OutputDownloader(pipeline).DownloadAsync(id, final.DownloadUrls.Select(url => new Uri(url!)).ToList(), directory, cancellationToken);
    }

    /// <summary>The status and download URLs of a project, read by hand as the generated type and its adapter do.</summary>
    private static ProjectState ReadProject(ref Utf8JsonReader reader)
    {
        JsonSupport.Expect(ref reader, JsonTokenType.StartObject, "a project");
        string status = string.Empty;
        var downloads = new List<string?>();
        while (true)
        {
            JsonSupport.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return new ProjectState(string.Empty, status, true, null, downloads, null, null);
            }

            bool isStatus = reader.ValueTextEquals("status"u8);
            bool isDownloads = reader.ValueTextEquals("downloads"u8);
            JsonSupport.Read(ref reader);
            if (isStatus)
            {
                status = JsonSupport.ReadString(ref reader);
            }
            else if (isDownloads)
            {
                downloads.AddRange(JsonSupport.ReadArray(ref reader, static (ref Utf8JsonReader item) =>
                {
                    using JsonDocument download = JsonDocument.ParseValue(ref item);
                    return download.RootElement.GetProperty("url").GetString();
                }));
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static string ReadId(ref Utf8JsonReader reader)
    {
        JsonSupport.Expect(ref reader, JsonTokenType.StartObject, "a created project");
        string? id = null;
        while (true)
        {
            JsonSupport.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return id ?? throw JsonSupport.MissingProperty("a created project", "id");
            }

            if (reader.ValueTextEquals("id"u8))
            {
                JsonSupport.Read(ref reader);
                id = JsonSupport.ReadString(ref reader);
            }
            else
            {
                JsonSupport.SkipValue(ref reader);
            }
        }
    }
}

using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http;
using System.Text.Json;
using MagicHour.Emulator;
using MagicHour.Runtime.Files;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Json;
using MagicHour.Runtime.Projects;

namespace MagicHour.Runtime.Tests.Support;

/// <summary>Hand-written API calls, as generated code will make them, and the settings every test uses.</summary>
public static class TestApi
{
    /// <summary>A key that is easy to search for in logs and messages.</summary>
    public const string ApiKey = "mh_live_TOPSECRET_4f9c2a7e1b";

    public static MagicHourClientOptions Options(MagicHourEmulator emulator, RecordingLoggerProvider? logs = null) => new()
    {
        ApiKey = ApiKey,
        BaseAddress = emulator.BaseAddress,
        NetworkTimeout = TimeSpan.FromSeconds(10),
        ClientLoggingOptions = new() { LoggerFactory = logs?.CreateFactory() },
        Retry = new RetryOptions { MaxRetries = 3, InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200) },
        Polling = FastPolling(),
    };

    public static PollingOptions FastPolling(TimeSpan? timeout = null) => new()
    {
        InitialInterval = TimeSpan.FromMilliseconds(50),
        MaxInterval = TimeSpan.FromMilliseconds(200),
        BackoffFactor = 1.5,
        Timeout = timeout ?? TimeSpan.FromSeconds(20),
    };

    public static async Task<MagicHourEmulator> StartEmulatorAsync(string? assetHost = null) =>
        await MagicHourEmulator.StartAsync(new EmulatorOptions { RequiredApiKey = ApiKey, AssetHost = assetHost });

    public static ApiPipeline Pipeline(MagicHourEmulator emulator, RecordingLoggerProvider? logs = null, Action<MagicHourClientOptions>? configure = null)
    {
        MagicHourClientOptions options = Options(emulator, logs);
        configure?.Invoke(options);
        return ApiPipeline.Create(options);
    }

    public static async Task<CreatedProject> CreateImageAsync(ApiPipeline pipeline, string prompt = "a lighthouse at dusk", int imageCount = 1, CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Post, "/v1/ai-image-generator", "aiImageGenerator.createImage");
        request.SetJsonBody((prompt, imageCount), static (writer, value) =>
        {
            writer.WriteStartObject();
            writer.WriteString("name", "runtime test");
            writer.WriteNumber("image_count", value.imageCount);
            writer.WriteString("model", "flux-schnell");
            writer.WriteStartObject("style");
            writer.WriteString("prompt", value.prompt);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
        return (await pipeline.SendAsync(request, JsonCodec.Read<CreatedProject, CreatedProject>, null, cancellationToken)).Value;
    }

    public static async Task<CreatedProject> EditImageAsync(ApiPipeline pipeline, string imageFilePath, CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Post, "/v1/ai-image-editor", "aiImageEditor.createImage");
        request.SetJsonBody(imageFilePath, static (writer, path) =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("style");
            writer.WriteString("prompt", "give it sunglasses");
            writer.WriteEndObject();
            writer.WriteStartObject("assets");
            writer.WriteString("image_file_path", path);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
        return (await pipeline.SendAsync(request, JsonCodec.Read<CreatedProject, CreatedProject>, null, cancellationToken)).Value;
    }

    public static async Task<TestProject> GetProjectAsync(ApiPipeline pipeline, string id, CancellationToken cancellationToken = default) =>
        await GetProjectResultAsync(pipeline, id, cancellationToken);

    /// <summary>GET /v1/image-projects/{id}, as the generated status operation makes it (for ProjectOperation).</summary>
    public static Task<ClientResult<TestProject>> GetProjectResultAsync(ApiPipeline pipeline, string id, CancellationToken cancellationToken = default, RequestOptions? options = null) =>
        pipeline.SendAsync(
            new ApiRequest(HttpMethod.Get, "/v1/image-projects/" + ParameterFormatter.EscapePath(id), "imageProjects.getDetails"),
            JsonCodec.Read<TestProject, TestProject>,
            options,
            cancellationToken);

    public static Task DeleteProjectAsync(ApiPipeline pipeline, string id, CancellationToken cancellationToken = default) =>
        pipeline.SendAsync(new ApiRequest(HttpMethod.Delete, "/v1/image-projects/" + ParameterFormatter.EscapePath(id), "imageProjects.delete"), null, cancellationToken);

    /// <summary>Polls the image project until it ends, as generated code does with the typed GET and its adapter.</summary>
    public static Task<TestProject> WaitAsync(
        ApiPipeline pipeline, string id, PollingOptions? polling = null, IProgress<ProjectProgress>? progress = null, CancellationToken cancellationToken = default) =>
        new ProjectPoller(pipeline).WaitAsync(id, token => GetProjectAsync(pipeline, id, token), static project => project.State, polling, progress, cancellationToken);

    /// <summary>POST /v1/files/upload-urls, as the generated upload call makes it.</summary>
    public static async Task<IReadOnlyList<AssetUploadTarget>> RequestUploadUrlsAsync(ApiPipeline pipeline, IReadOnlyList<AssetUploadRequest> files, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(HttpMethod.Post, "/v1/files/upload-urls", "files.uploadUrls.create");
        request.SetJsonBody(files, static (writer, items) =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (AssetUploadRequest item in items)
            {
                writer.WriteStartObject();
                writer.WriteString("type", item.AssetType);
                writer.WriteString("extension", item.Extension);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        UploadUrls urls = (await pipeline.SendAsync(request, JsonCodec.Read<UploadUrls, UploadUrls>, null, cancellationToken)).Value;
        return urls.Items.Select(item => new AssetUploadTarget(item.UploadUrl, item.FilePath)).ToList();
    }

    public static AssetUploader Uploader(ApiPipeline pipeline) => new(pipeline, (files, token) => RequestUploadUrlsAsync(pipeline, files, token));

    /// <summary>What a generated GenerateAsync will do: create, wait, download.</summary>
    public static async Task<(CreatedProject Created, TestProject Final, IReadOnlyList<string> Files)> GenerateAsync(
        ApiPipeline pipeline, string directory, int imageCount = 1, IProgress<ProjectProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        CreatedProject created = await CreateImageAsync(pipeline, imageCount: imageCount, cancellationToken: cancellationToken);
        TestProject final = await WaitAsync(pipeline, created.Id, null, progress, cancellationToken);
        IReadOnlyList<string> files = await new OutputDownloader(pipeline).DownloadAsync(created.Id, final.DownloadUris, directory, cancellationToken);
        return (created, final, files);
    }
}

/// <summary>What creating a project returns (the parts the tests use).</summary>
public sealed record CreatedProject(string Id, int CreditsCharged) : IJsonCodec<CreatedProject>
{
    static CreatedProject IJsonCodec<CreatedProject>.Read(ref JsonModelReader reader)
    {
        string? id = null;
        int? creditsCharged = null;
        reader.StartObject("CreatedProject");
        while (reader.NextProperty())
        {
            switch (reader.PropertyName)
            {
                case "id": id = reader.String(); break;
                case "credits_charged": creditsCharged = reader.Int32(); break;
                default: reader.Skip(); break;
            }
        }

        return new CreatedProject(id ?? throw reader.Missing("id"), creditsCharged ?? throw reader.Missing("credits_charged"));
    }

    static void IJsonCodec<CreatedProject>.Write(JsonModelWriter writer, CreatedProject value)
    {
        writer.StartObject();
        writer.String(JsonEncodedText.Encode("id"), value.Id);
        writer.Int32(JsonEncodedText.Encode("credits_charged"), value.CreditsCharged);
        writer.EndObject();
    }
}

/// <summary>The response of <c>POST /v1/files/upload-urls</c>.</summary>
public sealed record UploadUrls(IReadOnlyList<UploadItem> Items) : IJsonCodec<UploadUrls>
{
    static UploadUrls IJsonCodec<UploadUrls>.Read(ref JsonModelReader reader)
    {
        IReadOnlyList<UploadItem>? items = null;
        reader.StartObject("UploadUrls");
        while (reader.NextProperty())
        {
            switch (reader.PropertyName)
            {
                case "items": items = reader.List<UploadItem>(); break;
                default: reader.Skip(); break;
            }
        }

        return new UploadUrls(items ?? []);
    }

    static void IJsonCodec<UploadUrls>.Write(JsonModelWriter writer, UploadUrls value)
    {
        writer.StartObject();
        writer.List<UploadItem>(JsonEncodedText.Encode("items"), value.Items);
        writer.EndObject();
    }
}

/// <summary>Where to upload one file and the path to give the API for it; either may be absent.</summary>
public sealed record UploadItem(string? UploadUrl, string? FilePath) : IJsonCodec<UploadItem>
{
    static UploadItem IJsonCodec<UploadItem>.Read(ref JsonModelReader reader)
    {
        string? uploadUrl = null;
        string? filePath = null;
        reader.StartObject("UploadItem");
        while (reader.NextProperty())
        {
            switch (reader.PropertyName)
            {
                case "upload_url": uploadUrl = reader.String(); break;
                case "file_path": filePath = reader.String(); break;
                default: reader.Skip(); break;
            }
        }

        return new UploadItem(uploadUrl, filePath);
    }

    static void IJsonCodec<UploadItem>.Write(JsonModelWriter writer, UploadItem value)
    {
        writer.StartObject();
        writer.String(JsonEncodedText.Encode("upload_url"), value.UploadUrl);
        writer.String(JsonEncodedText.Encode("file_path"), value.FilePath);
        writer.EndObject();
    }
}

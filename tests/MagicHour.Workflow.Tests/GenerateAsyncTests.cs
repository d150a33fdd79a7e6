using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MagicHour.Client;
using MagicHour.Emulator;
using MagicHour.Runtime;
using MagicHour.Runtime.Projects;
using Xunit;

namespace MagicHour.Workflow.Tests;

/// <summary>The generated <c>GenerateAsync</c> against the emulator: upload, create, poll, download — and how it fails.</summary>
public sealed class GenerateAsyncTests : IAsyncLifetime
{
    private static readonly string SampleImage = Path.Combine(FindRoot(), "samples", "assets", "portrait.png");

    private readonly string _outputs = Path.Combine(Path.GetTempPath(), "mh-workflow-" + Guid.NewGuid().ToString("N"));
    private MagicHourEmulator _emulator = null!;
    private MagicHourClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await MagicHourEmulator.StartAsync(new EmulatorOptions { AssetHost = "localhost" });
        _client = new MagicHourClient(new MagicHourClientOptions { ApiKey = "test-key", BaseAddress = _emulator.BaseAddress });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
        if (Directory.Exists(_outputs))
        {
            Directory.Delete(_outputs, recursive: true);
        }
    }

    [Fact]
    public async Task Edit_uploads_the_local_image_waits_and_downloads_a_png()
    {
        var progress = new List<string>();
        ProjectResult<ImageProjectsGetResponse> result = await _client.V1.AiImageEditor.GenerateAsync(
            new AiImageEditorCreateRequest
            {
                Style = new AiImageEditorCreateRequestStyle { Prompt = "Give me sunglasses" },
                Assets = new AiImageEditorCreateRequestAssets { ImageFilePath = SampleImage },
                Model = AiImageEditorCreateRequestModel.NanoBanana,
            },
            Options(new Progress<ProjectProgress>(p => { lock (progress) { progress.Add(p.Status); } })));

        Assert.Equal("complete", result.Status);
        Assert.Equal(ImageProjectsGetResponseStatus.Complete, result.Project.Status);
        Assert.Equal(50, result.CreditsCharged);
        Assert.Equal(1, _emulator.Stats.UploadCount);
        Assert.Equal(0, _emulator.Stats.AuthorizationHeadersOnAssetRequests);
        string file = Assert.Single(result.DownloadedPaths);
        Assert.StartsWith(Path.GetFullPath(_outputs), Path.GetFullPath(file));
        byte[] png = await File.ReadAllBytesAsync(file);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png.Take(8));
        Assert.Equal(new[] { file }, Directory.GetFiles(_outputs));
    }

    [Fact]
    public async Task Urls_and_uploaded_paths_pass_through_and_the_same_file_uploads_once()
    {
        ProjectResult<ImageProjectsGetResponse> result = await _client.V1.AiImageEditor.GenerateAsync(
            new AiImageEditorCreateRequest
            {
                Style = new AiImageEditorCreateRequestStyle { Prompt = "Brighter" },
                Assets = new AiImageEditorCreateRequestAssets
                {
                    ImageFilePath = SampleImage,
                    ImageFilePaths = new[] { SampleImage, "https://example.com/cat.png" },
                },
            },
            Options());

        Assert.Equal("complete", result.Status);
        Assert.Equal(1, _emulator.Stats.UploadCount);
    }

    [Fact]
    public async Task Generate_with_several_images_downloads_each()
    {
        ProjectResult<ImageProjectsGetResponse> result = await _client.V1.AiImageGenerator.GenerateAsync(
            new AiImageGeneratorCreateRequest
            {
                ImageCount = 3,
                Model = AiImageGeneratorCreateRequestModel.FluxSchnell,
                Style = new AiImageGeneratorCreateRequestStyle { Prompt = "A lighthouse" },
            },
            Options());

        Assert.Equal(3, result.DownloadedPaths.Count);
        Assert.Equal(15, result.CreditsCharged);
        Assert.All(result.DownloadedPaths, p => Assert.True(new FileInfo(p).Length > 0));
    }

    [Fact]
    public async Task A_missing_input_costs_no_upload_and_no_credits()
    {
        string missing = Path.Combine(_outputs, "nope.png");
        ArgumentException error = await Assert.ThrowsAnyAsync<ArgumentException>(() => _client.V1.AiImageEditor.GenerateAsync(
            new AiImageEditorCreateRequest
            {
                Style = new AiImageEditorCreateRequestStyle { Prompt = "x" },
                Assets = new AiImageEditorCreateRequestAssets { ImageFilePaths = new[] { SampleImage, missing } },
            },
            Options()));

        Assert.Contains("nope.png", error.Message);
        Assert.Equal(0, _emulator.Stats.UploadCount);
        Assert.Equal(0, _emulator.Stats.CreateCount);
    }

    [Fact]
    public async Task A_project_that_errors_raises_its_code_and_message()
    {
        _emulator.Outcomes.Enqueue(ProjectOutcome.Error("no_source_face", "Please use an image with a detectable face"));
        MagicHourProjectException error = await Assert.ThrowsAsync<MagicHourProjectException>(() => _client.V1.AiImageGenerator.GenerateAsync(
            new AiImageGeneratorCreateRequest { ImageCount = 1, Style = new AiImageGeneratorCreateRequestStyle { Prompt = "x" } },
            Options()));

        Assert.Equal("no_source_face", error.ErrorCode);
        Assert.Equal("error", error.ProjectStatus);
        Assert.False(Directory.Exists(_outputs) && Directory.EnumerateFileSystemEntries(_outputs).Any());
    }

    [Fact]
    public async Task A_canceled_project_raises_and_downloads_nothing()
    {
        _emulator.Outcomes.Enqueue(ProjectOutcome.Canceled);
        MagicHourProjectException error = await Assert.ThrowsAsync<MagicHourProjectException>(() => _client.V1.AiImageGenerator.GenerateAsync(
            new AiImageGeneratorCreateRequest { ImageCount = 1, Style = new AiImageGeneratorCreateRequestStyle { Prompt = "x" } },
            Options()));

        Assert.Equal("canceled", error.ProjectStatus);
        Assert.False(Directory.Exists(_outputs) && Directory.EnumerateFileSystemEntries(_outputs).Any());
    }

    [Fact]
    public async Task Without_waiting_it_returns_right_after_the_create()
    {
        GenerateOptions options = Options();
        options.WaitForCompletion = false;
        ProjectResult<ImageProjectsGetResponse> result = await _client.V1.AiImageGenerator.GenerateAsync(
            new AiImageGeneratorCreateRequest { ImageCount = 1, Style = new AiImageGeneratorCreateRequestStyle { Prompt = "x" } },
            options);

        Assert.NotEqual("complete", result.Status);
        Assert.Empty(result.DownloadedPaths);
        Assert.Equal(1, _emulator.Stats.CreateCount);
    }

    private GenerateOptions Options(IProgress<ProjectProgress>? progress = null) => new()
    {
        DownloadDirectory = _outputs,
        Progress = progress,
        Polling = new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(50), MaxInterval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromSeconds(30) },
    };

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MagicHour.Codegen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}

using System.ClientModel;
using MagicHour.Emulator;
using MagicHour.Runtime.Files;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Projects;
using MagicHour.Runtime.Tests.Support;

namespace MagicHour.Runtime.Tests;

public sealed class WorkflowTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Create_poll_download_returns_complete_png_files_and_reports_progress()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        using var directory = new TempDirectory();
        var seen = new List<ProjectProgress>();
        var progress = new SynchronousProgress<ProjectProgress>(seen.Add);

        var (created, final, files) = await TestApi.GenerateAsync(pipeline, directory.Combine("out"), imageCount: 2, progress: progress);

        Assert.Equal(ProjectStatus.Complete, final.Status);
        Assert.True(final.Enabled);
        Assert.Equal(2, final.Downloads.Count);
        Assert.True(created.CreditsCharged > 0);
        Assert.Equal(created.CreditsCharged, final.CreditsCharged);
        Assert.Equal(2, files.Count);
        for (int i = 0; i < files.Count; i++)
        {
            Assert.Equal(directory.Combine("out", $"{created.Id}-{i + 1}.png"), files[i]);
            byte[] bytes = await File.ReadAllBytesAsync(files[i]);
            Assert.True(bytes.AsSpan().StartsWith(PngSignature), "a downloaded output is a PNG");
        }

        Assert.Equal(files.Select(f => Path.GetRelativePath(directory.Path, f)).Order(), directory.Files());
        Assert.Equal(1, emulator.Stats.CreateCount);
        Assert.Equal(0, emulator.Stats.AuthorizationHeadersOnAssetRequests);

        Assert.Equal(ProjectStatus.Complete, seen[^1].Status);
        Assert.Contains(seen, p => p.Status is ProjectStatus.Queued or ProjectStatus.Rendering);
        Assert.Equal(Enumerable.Range(1, seen.Count), seen.Select(p => p.Attempt));
        Assert.All(seen, p => Assert.Equal(created.Id, p.ProjectId));
        Assert.True(seen.Zip(seen.Skip(1)).All(pair => pair.First.Elapsed <= pair.Second.Elapsed), "elapsed time only grows");
    }

    [Fact]
    public async Task Upload_then_edit_then_download_with_assets_on_another_host()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync(assetHost: "localhost");
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        using var directory = new TempDirectory();
        string local = directory.Combine("face.PNG");
        await File.WriteAllBytesAsync(local, [.. PngSignature, 1, 2, 3, 4]);
        var uploader = TestApi.Uploader(pipeline);

        IReadOnlyList<string> paths = await uploader.UploadAsync(
            [local, "https://example.com/cat.jpg", "api-assets/already/there.png"]);

        Assert.StartsWith("api-assets/", paths[0]);
        Assert.EndsWith(".png", paths[0]);
        Assert.Equal("https://example.com/cat.jpg", paths[1]);
        Assert.Equal("api-assets/already/there.png", paths[2]);
        Assert.Equal(1, emulator.Stats.UploadCount);
        Assert.Equal(1, emulator.Stats.RequestCount("POST", "/v1/files/upload-urls"));

        CreatedProject created = await TestApi.EditImageAsync(pipeline, paths[0]);
        TestProject final = await TestApi.WaitAsync(pipeline, created.Id);
        Assert.All(final.DownloadUris, url => Assert.Equal("localhost", url.Host));
        IReadOnlyList<string> files = await new OutputDownloader(pipeline).DownloadAsync(created.Id, final.DownloadUris, directory.Combine("out"), default);

        Assert.Single(files);
        Assert.True(new FileInfo(files[0]).Length > PngSignature.Length);
        Assert.Equal(0, emulator.Stats.AuthorizationHeadersOnAssetRequests);
    }

    [Fact]
    public async Task Fifty_concurrent_workflows_all_complete()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        using var directory = new TempDirectory();

        var runs = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => TestApi.GenerateAsync(pipeline, directory.Path)));

        Assert.Equal(50, runs.Select(r => r.Created.Id).Distinct().Count());
        Assert.All(runs, r => Assert.Equal(ProjectStatus.Complete, r.Final.Status));
        string[] files = runs.SelectMany(r => r.Files).ToArray();
        Assert.Equal(50, files.Distinct().Count());
        Assert.All(files, f => Assert.True(new FileInfo(f).Length > 0));
        Assert.Equal(50, directory.Files().Length);
        Assert.Equal(50, emulator.Stats.CreateCount);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public async Task A_create_without_a_usable_project_id_is_an_invalid_response_and_nothing_is_polled(string? id)
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        int polls = 0;

        var created = ClientResult.FromValue(new CreatedProject(id!, 5), new StubResponse());
        using var workflow = new ProjectWorkflow(pipeline, null, "aiImageGenerator.createImage");

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => workflow.CompleteAsync<CreatedProject, TestProject>(
            Task.FromResult(created), c => c.Id, c => c.CreditsCharged, "imageProjects.getDetails", (_, _, _) => { polls++; throw new InvalidOperationException("polled"); }, p => p.State, default));

        Assert.Equal(MagicHourErrorKind.InvalidResponse, error.Kind);
        Assert.True(error.RequestMayHaveBeenProcessed);
        Assert.Contains("5 credits charged", error.Message);
        Assert.Equal(0, polls);
        Assert.Equal(0, emulator.Stats.RequestCount("*", "/"));
    }

    [Fact]
    public async Task Without_an_upload_operation_a_local_file_is_refused_never_sent_as_a_path()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        using var directory = new TempDirectory();
        string local = directory.Combine("face.png");
        await File.WriteAllBytesAsync(local, [.. PngSignature, 1]);
        using var workflow = new ProjectWorkflow(pipeline, null, "aiImageEditor.createImage");
        workflow.AddInput(local);
        workflow.AddInputs(["https://example.com/ok.png", null]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => workflow.UploadInputsAsync(null, default));

        Assert.Contains("no operation that mints upload URLs", error.Message);
        Assert.Equal(local, workflow.Resolve(local));
        Assert.Equal(0, emulator.Stats.RequestCount("*", "/"));
    }

    [Fact]
    public async Task Upload_targets_that_are_not_usable_are_an_invalid_response_and_nothing_is_uploaded()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        using var directory = new TempDirectory();
        string local = directory.Combine("face.png");
        await File.WriteAllBytesAsync(local, [.. PngSignature, 1]);
        var uploader = new AssetUploader(pipeline, (files, _) => Task.FromResult<IReadOnlyList<AssetUploadTarget>>([new AssetUploadTarget("/relative/" + TestApi.ApiKey, "api-assets/x.png")]));

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => uploader.UploadAsync([local]));

        Assert.Equal(MagicHourErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("not an absolute http(s) URL", error.Message);
        NoKey.In(error);
        Assert.Equal(0, emulator.Stats.RequestCount("PUT", "/"));
    }
}

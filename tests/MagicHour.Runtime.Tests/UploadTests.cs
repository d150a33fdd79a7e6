using MagicHour.Emulator;
using MagicHour.Runtime.Files;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Tests.Support;

namespace MagicHour.Runtime.Tests;

public sealed class UploadTests
{
    [Theory]
    [InlineData("https://cdn.example.com/a.png", false)]
    [InlineData("HTTP://cdn.example.com/a.png", false)]
    [InlineData("api-assets/id/1234.png", false)]
    [InlineData("photo.png", true)]
    [InlineData("/home/me/photo.png", true)]
    [InlineData("C:\\photos\\a.jpg", true)]
    [InlineData("./api-assets/x.png", true)]
    public void IsLocalPath_tells_local_files_from_urls_and_uploaded_paths(string value, bool local) =>
        Assert.Equal(local, AssetUploader.IsLocalPath(value));

    [Fact]
    public async Task Every_bad_file_is_named_in_one_error_and_nothing_is_uploaded()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        using var directory = new TempDirectory();
        string good = directory.Combine("good.png");
        string empty = directory.Combine("empty.jpg");
        string exe = directory.Combine("tool.exe");
        string noExtension = directory.Combine("README");
        string missing = directory.Combine("missing.png");
        string folder = directory.Combine("folder.png");
        await File.WriteAllBytesAsync(good, [1]);
        await File.WriteAllBytesAsync(empty, []);
        await File.WriteAllBytesAsync(exe, [1]);
        await File.WriteAllBytesAsync(noExtension, [1]);
        Directory.CreateDirectory(folder);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            TestApi.Uploader(pipeline).UploadAsync([good, empty, exe, noExtension, missing, folder, "https://x.example/ok.png"]));

        Assert.Contains("5 files", error.Message);
        Assert.Contains("'" + empty + "' is empty", error.Message);
        Assert.Contains("'.exe'", error.Message);
        Assert.Contains("no extension", error.Message);
        Assert.Contains("'" + missing + "' does not exist", error.Message);
        Assert.Contains("'" + folder + "' is a directory", error.Message);
        Assert.DoesNotContain("'" + good + "'", error.Message);
        Assert.Equal(0, emulator.Stats.RequestCount("*", "/"));
    }

    [Fact]
    public async Task Only_urls_and_uploaded_paths_make_no_request()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);

        IReadOnlyList<string> result = await TestApi.Uploader(pipeline).UploadAsync(["https://x.example/a.png", "api-assets/b.mp4"]);

        Assert.Equal(["https://x.example/a.png", "api-assets/b.mp4"], result);
        Assert.Equal(0, emulator.Stats.RequestCount("*", "/"));
    }

    [Fact]
    public async Task A_batch_uses_one_upload_urls_call_and_keeps_the_order_and_the_types()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        using var directory = new TempDirectory();
        string[] files = ["a.png", "b.MP4", "c.mp3", "d.webm", "e.jpeg"];
        foreach (string file in files)
        {
            await File.WriteAllBytesAsync(directory.Combine(file), [1, 2, 3]);
        }

        IReadOnlyList<string> paths = await TestApi.Uploader(pipeline).UploadAsync(
            [directory.Combine("a.png"), "https://x.example/z.png", .. files.Skip(1).Select(f => directory.Combine(f))]);

        Assert.Equal(6, paths.Count);
        Assert.Equal("https://x.example/z.png", paths[1]);
        Assert.EndsWith(".png", paths[0]);
        Assert.EndsWith(".mp4", paths[2]);
        Assert.EndsWith(".mp3", paths[3]);
        Assert.EndsWith(".webm", paths[4]);
        Assert.EndsWith(".jpeg", paths[5]);
        Assert.Equal(1, emulator.Stats.RequestCount("POST", "/v1/files/upload-urls"));
        Assert.Equal(5, emulator.Stats.UploadCount);
    }

    [Fact]
    public async Task A_put_that_fails_is_retried_with_the_file_read_again()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        using var directory = new TempDirectory();
        string local = directory.Combine("big.png");
        await using (FileStream stream = File.Create(local))
        {
            stream.SetLength(8 * 1024 * 1024);
        }

        emulator.Faults.Add(new FaultRule(FaultKind.DropConnection) { Method = "PUT", PathPrefix = "/uploads/" });
        emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "PUT", PathPrefix = "/uploads/", StatusCode = 503 });

        IReadOnlyList<string> paths = await TestApi.Uploader(pipeline).UploadAsync([local]);

        Assert.StartsWith("api-assets/", paths[0]);
        Assert.Equal(3, emulator.Stats.RequestCount("PUT", "/uploads/"));
        Assert.Equal(1, emulator.Stats.UploadCount);

        // The uploaded path is accepted by the API.
        CreatedProject created = await TestApi.EditImageAsync(pipeline, paths[0]);
        Assert.False(string.IsNullOrEmpty(created.Id));
    }

    [Fact]
    public async Task An_upload_that_keeps_failing_raises_and_the_api_never_sees_a_half_upload()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator, configure: o => o.Retry.MaxRetries = 1);
        using var directory = new TempDirectory();
        string local = directory.Combine("a.png");
        await File.WriteAllBytesAsync(local, new byte[100_000]);
        emulator.Faults.Add(new FaultRule(FaultKind.DropConnection) { Method = "PUT", PathPrefix = "/uploads/", Times = 5 });

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.Uploader(pipeline).UploadAsync([local]));

        Assert.Equal(MagicHourErrorKind.Network, error.Kind);
        Assert.Equal("upload", error.OperationId);
        Assert.Equal(0, emulator.Stats.UploadCount);
    }
}

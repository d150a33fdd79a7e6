using System.Text.RegularExpressions;
using MagicHour.Emulator;
using MagicHour.Runtime.Files;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Tests.Support;

namespace MagicHour.Runtime.Tests;

public sealed partial class DownloadTests
{
    [Theory]
    [InlineData("../../../tmp/owned", "tmp_owned", "..%2F..%2Fescape.png|%2e%2e%2f%2e%2e%2fevil.sh|..|%2Fetc%2Fpasswd")]
    [InlineData("/etc/cron.d/x", "etc_cron_d_x", "C:%5Cwindows%5Cwin.ini|name with spaces.JPG|x.toolongextension1234|nul")]
    [InlineData("..\\..\\windows\\system32", "windows_system32", "\u00e9t\u00e9.p\u00f1g|.hidden|a;b&c=%09d.png|...")]
    public async Task Hostile_ids_and_names_can_never_write_outside_the_directory(string projectId, string expectedStem, string joinedNames)
    {
        string[] names = joinedNames.Split('|');
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        using var directory = new TempDirectory();
        emulator.Outcomes.Enqueue(ProjectOutcome.Complete with { ProjectId = projectId, DownloadNames = names });
        CreatedProject created = await TestApi.CreateImageAsync(pipeline, imageCount: names.Length);
        TestProject final = await TestApi.WaitAsync(pipeline, created.Id);
        Assert.Equal(projectId, final.Id);

        IReadOnlyList<string> files = await new OutputDownloader(pipeline).DownloadAsync(final.Id, final.DownloadUris, directory.Combine("out"), default);

        Assert.Equal(names.Length, final.Downloads.Count);
        Assert.Equal(names.Length, files.Count);
        string outDirectory = directory.Combine("out");
        Assert.All(files, f => Assert.Equal(outDirectory, Path.GetDirectoryName(f)));
        Assert.All(files, f => Assert.Matches(SafeName(), Path.GetFileName(f)));
        Assert.All(files, f => Assert.StartsWith(expectedStem + "-", Path.GetFileName(f)));
        Assert.Equal(files.Select(f => Path.Combine("out", Path.GetFileName(f))).Order(StringComparer.Ordinal), directory.Files());
        Assert.Equal(files.Count, files.Distinct().Count());
    }

    [Fact]
    public async Task An_existing_file_is_never_overwritten_a_suffix_is_added()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        using var directory = new TempDirectory();
        TestProject final = await CompleteProjectAsync(emulator, pipeline);
        string taken = directory.Combine($"{final.Id}-1.png");
        await File.WriteAllTextAsync(taken, "keep me");
        var downloader = new OutputDownloader(pipeline);

        IReadOnlyList<string> first = await downloader.DownloadAsync(final.Id, final.DownloadUris, directory.Path, default);
        IReadOnlyList<string> second = await downloader.DownloadAsync(final.Id, final.DownloadUris, directory.Path, default);

        Assert.Equal("keep me", await File.ReadAllTextAsync(taken));
        Assert.Equal(directory.Combine($"{final.Id}-1_2.png"), first[0]);
        Assert.Equal(directory.Combine($"{final.Id}-1_3.png"), second[0]);
        Assert.Equal(await File.ReadAllBytesAsync(first[0]), await File.ReadAllBytesAsync(second[0]));
    }

    [Fact]
    public async Task A_download_that_breaks_off_is_fetched_again_and_nothing_partial_is_left()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        using var directory = new TempDirectory();
        TestProject final = await CompleteProjectAsync(emulator, pipeline, ProjectOutcome.Complete with { DownloadSizeBytes = 4_000_000 });
        emulator.Faults.Add(new FaultRule(FaultKind.DropConnection) { Method = "GET", PathPrefix = "/downloads/" });
        emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "GET", PathPrefix = "/downloads/", StatusCode = 503 });

        IReadOnlyList<string> files = await new OutputDownloader(pipeline).DownloadAsync(final.Id, final.DownloadUris, directory.Path, default);

        Assert.Equal(4_000_000, new FileInfo(files[0]).Length);
        Assert.Equal([Path.GetFileName(files[0])], directory.Files());
        Assert.Equal(3, emulator.Stats.RequestCount("GET", "/downloads/"));
    }

    [Fact]
    public async Task A_download_that_stalls_is_fetched_again()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator, configure: o => o.NetworkTimeout = TimeSpan.FromSeconds(1.5));
        using var directory = new TempDirectory();
        TestProject final = await CompleteProjectAsync(emulator, pipeline, ProjectOutcome.Complete with { DownloadSizeBytes = 1_000_000 });
        emulator.Faults.Add(new FaultRule(FaultKind.Delay) { Method = "GET", PathPrefix = "/downloads/", Delay = TimeSpan.FromSeconds(8), AfterProcessing = true });

        IReadOnlyList<string> files = await new OutputDownloader(pipeline).DownloadAsync(final.Id, final.DownloadUris, directory.Path, default);

        Assert.Equal(1_000_000, new FileInfo(files[0]).Length);
        Assert.Single(directory.Files());
    }

    [Fact]
    public async Task When_one_output_fails_for_good_the_call_leaves_the_directory_as_it_was()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator, configure: o => o.Retry.MaxRetries = 1);
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.Combine("unrelated.txt"), "mine");
        TestProject final = await CompleteProjectAsync(emulator, pipeline, ProjectOutcome.Complete with { DownloadNames = ["first.png", "second.png"] }, imageCount: 2);
        emulator.Faults.Add(new FaultRule(FaultKind.DropConnection) { Method = "GET", PathPrefix = $"/downloads/{final.Id}/second.png", Times = 20 });

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() =>
            new OutputDownloader(pipeline).DownloadAsync(final.Id, final.DownloadUris, directory.Path, default));

        Assert.Equal(MagicHourErrorKind.Network, error.Kind);
        Assert.Equal(["unrelated.txt"], directory.Files());
        Assert.True(emulator.Stats.RequestCount("GET", $"/downloads/{final.Id}/first.png") >= 1);
    }

    [Fact]
    public async Task A_download_that_keeps_breaking_off_says_how_many_bytes_arrived()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator, configure: o => o.Retry.MaxRetries = 0);
        using var directory = new TempDirectory();
        TestProject final = await CompleteProjectAsync(emulator, pipeline, ProjectOutcome.Complete with { DownloadSizeBytes = 4_000_000 });

        // The emulator sends the first half of the body (2,000,000 bytes), then drops the connection.
        emulator.Faults.Add(new FaultRule(FaultKind.DropConnection) { Method = "GET", PathPrefix = "/downloads/" });

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() =>
            new OutputDownloader(pipeline).DownloadAsync(final.Id, final.DownloadUris, directory.Path, default));

        Assert.Equal(MagicHourErrorKind.Network, error.Kind);
        long bytes = long.Parse(BrokeOffAfter().Match(error.Message).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(bytes, 1, 2_000_000);
        Assert.Empty(directory.Files());
    }

    [Fact]
    public async Task Outputs_larger_together_than_the_limit_stop_the_download_and_leave_nothing_behind()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.Combine("unrelated.txt"), "mine");
        TestProject final = await CompleteProjectAsync(emulator, pipeline, ProjectOutcome.Complete with { DownloadSizeBytes = 300_000 }, imageCount: 2);

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() =>
            new OutputDownloader(pipeline).DownloadAsync(final.Id, final.DownloadUris, directory.Path, maxTotalBytes: 500_000));

        Assert.Equal(MagicHourErrorKind.DownloadTooLarge, error.Kind);
        Assert.Contains("500000 bytes", error.Message);
        Assert.Equal(["unrelated.txt"], directory.Files());
        Assert.Equal(2, emulator.Stats.RequestCount("GET", "/downloads/"));
    }

    [Fact]
    public async Task A_body_without_a_length_is_stopped_at_the_limit_as_it_streams()
    {
        await using ScriptedHttpServer server = await ScriptedHttpServer.StartAsync(async context =>
        {
            // Chunked, no Content-Length: the limit can only be seen while the bytes arrive.
            context.Response.ContentType = "image/png";
            for (int i = 0; i < 100; i++)
            {
                await context.Response.Body.WriteAsync(new byte[10_000]);
            }
        });
        using ApiPipeline pipeline = server.Pipeline();
        using var directory = new TempDirectory();

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => new OutputDownloader(pipeline).DownloadAsync(
            "p", [new Uri(server.BaseAddress, "out.png")], directory.Path, maxTotalBytes: 250_000));

        Assert.Equal(MagicHourErrorKind.DownloadTooLarge, error.Kind);
        Assert.Empty(directory.Files());
    }

    [Fact]
    public async Task Cancelling_a_download_leaves_nothing_behind()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        using var directory = new TempDirectory();
        TestProject final = await CompleteProjectAsync(emulator, pipeline, ProjectOutcome.Complete with { DownloadSizeBytes = 2_000_000 });
        emulator.Faults.Add(new FaultRule(FaultKind.Delay) { Method = "GET", PathPrefix = "/downloads/", Delay = TimeSpan.FromSeconds(20), AfterProcessing = true });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new OutputDownloader(pipeline).DownloadAsync(final.Id, final.DownloadUris, directory.Path, cancellation.Token));

        Assert.Empty(directory.Files());
    }

    [Fact]
    public async Task An_expired_url_is_forbidden_and_not_retried()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        using var directory = new TempDirectory();
        TestProject final = await CompleteProjectAsync(emulator, pipeline);
        emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "GET", PathPrefix = "/downloads/", StatusCode = 403 });

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() =>
            new OutputDownloader(pipeline).DownloadAsync(final.Id, final.DownloadUris, directory.Path, default));

        Assert.Equal(MagicHourErrorKind.Forbidden, error.Kind);
        Assert.Equal(1, emulator.Stats.RequestCount("GET", "/downloads/"));
        Assert.Empty(directory.Files());
    }

    [Fact]
    public async Task Urls_that_are_not_http_are_refused_before_anything_is_written()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        using var directory = new TempDirectory();

        await Assert.ThrowsAsync<ArgumentException>(() => new OutputDownloader(pipeline).DownloadAsync(
            "p", [new Uri("file:///etc/passwd")], directory.Combine("never"), default));

        Assert.False(Directory.Exists(directory.Combine("never")));
    }

    private static async Task<TestProject> CompleteProjectAsync(MagicHourEmulator emulator, ApiPipeline pipeline, ProjectOutcome? outcome = null, int imageCount = 1)
    {
        if (outcome is not null)
        {
            emulator.Outcomes.Enqueue(outcome);
        }

        CreatedProject created = await TestApi.CreateImageAsync(pipeline, imageCount: imageCount);
        return await TestApi.WaitAsync(pipeline, created.Id);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+-[0-9]+(_[0-9]+)?\\.[a-z0-9]{1,10}$")]
    private static partial Regex SafeName();

    [GeneratedRegex("broke off after ([0-9]+) bytes")]
    private static partial Regex BrokeOffAfter();
}

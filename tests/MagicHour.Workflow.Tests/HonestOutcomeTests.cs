using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MagicHour.Client;
using MagicHour.Emulator;
using MagicHour.Runtime;
using MagicHour.Runtime.Projects;
using Xunit;

namespace MagicHour.Workflow.Tests;

/// <summary>
/// The edges of <c>GenerateAsync</c> against the emulator: what the server sends that is odd, empty or changing is
/// said as it is, with the project's id and credits when the project was charged, and never as the caller's mistake.
/// </summary>
public sealed class HonestOutcomeTests : IAsyncLifetime
{
    private const string Key = "mh_live_ECHOED_9d1f3b2a6c";

    private readonly string _outputs = Path.Combine(Path.GetTempPath(), "mh-honest-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingLoggerFactory _logs = new();
    private MagicHourEmulator _emulator = null!;
    private MagicHourClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await MagicHourEmulator.StartAsync(new EmulatorOptions { RequiredApiKey = Key });
        _client = new MagicHourClient(new MagicHourClientOptions { ApiKey = Key, BaseAddress = _emulator.BaseAddress, ClientLoggingOptions = new() { LoggerFactory = _logs } });
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

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_project_id_is_an_invalid_response_and_the_collection_is_never_polled(string id)
    {
        _emulator.Outcomes.Enqueue(ProjectOutcome.Complete with { ProjectId = id });

        MagicHourApiException error = await Assert.ThrowsAsync<MagicHourApiException>(() => _client.V1.AiImageGenerator.GenerateAsync(Request(), Options()));

        Assert.Equal(MagicHourErrorKind.InvalidResponse, error.Kind);
        Assert.True(error.RequestMayHaveBeenProcessed);
        Assert.Equal("aiImageGenerator.createImage", error.OperationId);
        Assert.Equal(1, _emulator.Stats.CreateCount);
        Assert.Equal(0, _emulator.Stats.RequestCount("GET", "/v1/image-projects/"));
    }

    [Fact]
    public async Task A_status_that_flaps_after_complete_gives_a_result_whose_status_and_details_agree()
    {
        _emulator.Outcomes.Enqueue(ProjectOutcome.Complete with { FlapsAfterComplete = true });

        ProjectResult<ImageProjectsGetResponse> result = await _client.V1.AiImageGenerator.GenerateAsync(Request(), Options());

        Assert.Equal("complete", result.Status);
        Assert.Equal(ImageProjectsGetResponseStatus.Complete, result.Project.Status);
        Assert.Single(result.Project.Downloads);
        Assert.Single(result.DownloadedPaths);
    }

    [Fact]
    public async Task A_project_that_completes_without_outputs_is_said_in_a_warning()
    {
        _emulator.Outcomes.Enqueue(ProjectOutcome.Complete with { DownloadUrls = Array.Empty<string>() });

        ProjectResult<ImageProjectsGetResponse> result = await _client.V1.AiImageGenerator.GenerateAsync(Request(), Options());

        Assert.Equal("complete", result.Status);
        Assert.Empty(result.DownloadedPaths);
        Assert.Contains(_logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("reports no outputs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_project_that_completes_without_outputs_reports_an_output_count_of_zero()
    {
        _emulator.Outcomes.Enqueue(ProjectOutcome.Complete with { DownloadUrls = Array.Empty<string>() });

        ProjectResult<ImageProjectsGetResponse> result = await _client.V1.AiImageGenerator.GenerateAsync(Request(), Options());

        Assert.Equal(0, result.OutputCount);
    }

    [Theory]
    [InlineData("/downloads/relative/out.png")]
    [InlineData("ftp://files.example.com/out.png")]
    [InlineData("https://a+b.example.com/out.png")]
    [InlineData("not a url")]
    public async Task A_download_url_the_client_cannot_fetch_is_a_project_fault_with_the_id_and_credits(string url)
    {
        _emulator.Outcomes.Enqueue(ProjectOutcome.Complete with { DownloadUrls = new[] { url } });

        MagicHourProjectException error = await Assert.ThrowsAsync<MagicHourProjectException>(() => _client.V1.AiImageGenerator.GenerateAsync(Request(), Options()));

        Assert.Equal(MagicHourErrorKind.InvalidResponse, error.Kind);
        Assert.Equal("complete", error.ProjectStatus);
        Assert.Equal(5, error.CreditsCharged);
        Assert.Contains($"Project {error.ProjectId} completed (5 credits charged)", error.Message);
        Assert.Contains("fetch the project by its id later", error.Message);
        Assert.False(Directory.Exists(_outputs) && Directory.EnumerateFileSystemEntries(_outputs).Any());
    }

    [Fact]
    public async Task A_url_that_System_Uri_rejects_but_the_format_allows_is_read_as_it_is()
    {
        const string odd = "https://a+b.example.com/out.png?sig=x";
        _emulator.Outcomes.Enqueue(ProjectOutcome.Complete with { DownloadUrls = new[] { odd } });
        GenerateOptions options = Options();
        options.DownloadOutputs = false;

        ProjectResult<ImageProjectsGetResponse> result = await _client.V1.AiImageGenerator.GenerateAsync(Request(), options);

        Assert.Equal("complete", result.Status);
        Assert.Equal(odd, result.Project.Downloads.Single().Url.ToString());
    }

    [Fact]
    public async Task Outputs_over_the_size_limit_stop_the_download_and_leave_nothing_behind()
    {
        _emulator.Outcomes.Enqueue(ProjectOutcome.Complete with { DownloadSizeBytes = 300_000 });
        GenerateOptions options = Options();
        options.MaxDownloadBytes = 500_000;

        MagicHourProjectException error = await Assert.ThrowsAsync<MagicHourProjectException>(() => _client.V1.AiImageGenerator.GenerateAsync(Request(imageCount: 2), options));

        Assert.Equal(MagicHourErrorKind.DownloadTooLarge, error.Kind);
        Assert.Equal("complete", error.ProjectStatus);
        Assert.Equal(10, error.CreditsCharged);
        Assert.False(Directory.Exists(_outputs) && Directory.EnumerateFileSystemEntries(_outputs).Any());
    }

    [Fact]
    public async Task A_project_error_that_echoes_the_key_leaves_no_trace()
    {
        _emulator.Outcomes.Enqueue(ProjectOutcome.Error("bad_key_" + Key, $"The key {Key} is not allowed"));

        MagicHourProjectException error = await Assert.ThrowsAsync<MagicHourProjectException>(() => _client.V1.AiImageGenerator.GenerateAsync(Request(), Options()));

        Assert.Equal("bad_key_***", error.ErrorCode);
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(Key, e.ToString());
        }

        Assert.DoesNotContain(Key, error.ErrorMessage);
        Assert.All(_logs.Lines, l => Assert.DoesNotContain(Key, l));
    }

    [Fact]
    public async Task Json_that_quotes_the_key_where_the_reader_rejects_it_leaves_no_trace()
    {
        _emulator.Faults.Add(new FaultRule(FaultKind.Body)
        {
            Method = "GET",
            PathPrefix = "/v1/image-projects/",
            StatusCode = 200,
            Times = 100,
            Body = """{"id":"p1","name":null,"status":"complete","image_count":1,"type":"AI_IMAGE","created_at":"{authorization}","enabled":true,"credits_charged":5,"downloads":[],"error":null}""",
        });

        MagicHourApiException error = await Assert.ThrowsAnyAsync<MagicHourApiException>(() => _client.V1.AiImageGenerator.GenerateAsync(Request(), Options()));

        Assert.Equal(MagicHourErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("\"***\" is not a date-time", error.Message);
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(Key, e.ToString());
        }

        Assert.All(_logs.Lines, l => Assert.DoesNotContain(Key, l));
    }

    private static AiImageGeneratorCreateRequest Request(int imageCount = 1) => new()
    {
        ImageCount = imageCount,
        Model = AiImageGeneratorCreateRequestModel.FluxSchnell,
        Style = new AiImageGeneratorCreateRequestStyle { Prompt = "A lighthouse" },
    };

    private GenerateOptions Options() => new()
    {
        DownloadDirectory = _outputs,
        Polling = new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(50), MaxInterval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromSeconds(30) },
    };
}

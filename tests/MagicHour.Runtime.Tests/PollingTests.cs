using System.Diagnostics;
using MagicHour.Emulator;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Projects;
using MagicHour.Runtime.Tests.Support;

namespace MagicHour.Runtime.Tests;

public sealed class PollingTests
{
    [Fact]
    public async Task A_failed_project_raises_its_error_code_and_message_and_is_refunded()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        emulator.Outcomes.Enqueue(ProjectOutcome.Error("no_source_face", "Please use an image with a detectable face"));
        CreatedProject created = await TestApi.CreateImageAsync(pipeline);

        var error = await Assert.ThrowsAsync<MagicHourProjectException>(() => WaitAsync(pipeline, created.Id));

        Assert.Equal(MagicHourErrorKind.ProjectFailed, error.Kind);
        Assert.Equal(created.Id, error.ProjectId);
        Assert.Equal(ProjectStatus.Error, error.ProjectStatus);
        Assert.Equal("no_source_face", error.ErrorCode);
        Assert.Equal("Please use an image with a detectable face", error.ErrorMessage);
        Assert.Contains("no_source_face", error.Message);
        Assert.Equal(0, emulator.Stats.CreditsCharged);
    }

    [Fact]
    public async Task A_canceled_project_raises()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        emulator.Outcomes.Enqueue(ProjectOutcome.Canceled);
        CreatedProject created = await TestApi.CreateImageAsync(pipeline);

        var error = await Assert.ThrowsAsync<MagicHourProjectException>(() => WaitAsync(pipeline, created.Id));

        Assert.Equal(MagicHourErrorKind.ProjectCanceled, error.Kind);
        Assert.Equal(ProjectStatus.Canceled, error.ProjectStatus);
    }

    [Fact]
    public async Task A_deleted_project_raises_even_though_it_reports_complete()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        emulator.Outcomes.Enqueue(ProjectOutcome.Deleted);
        CreatedProject created = await TestApi.CreateImageAsync(pipeline);

        var error = await Assert.ThrowsAsync<MagicHourProjectException>(() => WaitAsync(pipeline, created.Id));

        Assert.Equal(MagicHourErrorKind.ProjectDeleted, error.Kind);
        Assert.Contains("enabled: false", error.Message);
    }

    [Theory]
    [InlineData("upscaling")]
    [InlineData("completed")]
    [InlineData("Complete")]
    [InlineData("cancelled")]
    [InlineData("")]
    public async Task An_unknown_status_is_reported_and_polled_until_the_timeout_which_names_it(string status)
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        var logs = new RecordingLoggerProvider();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator, logs);
        emulator.Outcomes.Enqueue(ProjectOutcome.StuckIn(status));
        CreatedProject created = await TestApi.CreateImageAsync(pipeline);
        var seen = new List<ProjectProgress>();

        var error = await Assert.ThrowsAsync<MagicHourProjectException>(() => TestApi.WaitAsync(
            pipeline,
            created.Id,
            TestApi.FastPolling(TimeSpan.FromMilliseconds(700)),
            new SynchronousProgress<ProjectProgress>(seen.Add)));

        Assert.Equal(MagicHourErrorKind.Timeout, error.Kind);
        Assert.Equal(status, error.ProjectStatus);
        Assert.Contains($"'{status}'", error.Message);
        Assert.True(seen.Count >= 3, $"polled {seen.Count} times");
        Assert.All(seen, p => Assert.Equal(status, p.Status));
        Assert.Single(logs.Lines, l => l.Contains("does not know", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancellation_stops_the_wait_with_OperationCanceledException()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        emulator.Outcomes.Enqueue(ProjectOutcome.StuckIn(ProjectStatus.Rendering));
        CreatedProject created = await TestApi.CreateImageAsync(pipeline);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            TestApi.WaitAsync(pipeline, created.Id, cancellationToken: cancellation.Token));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(350), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task The_timeout_names_the_last_known_status_too()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        emulator.Outcomes.Enqueue(ProjectOutcome.StuckIn(ProjectStatus.Queued));
        CreatedProject created = await TestApi.CreateImageAsync(pipeline);

        var error = await Assert.ThrowsAsync<MagicHourProjectException>(() => TestApi.WaitAsync(
            pipeline, created.Id, TestApi.FastPolling(TimeSpan.FromMilliseconds(400))));

        Assert.Equal(MagicHourErrorKind.Timeout, error.Kind);
        Assert.Equal(ProjectStatus.Queued, error.ProjectStatus);
        Assert.Contains("'queued'", error.Message);
    }

    [Fact]
    public async Task Transient_failures_while_polling_do_not_end_the_wait()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator, configure: o => o.Retry.MaxRetries = 0);
        CreatedProject created = await TestApi.CreateImageAsync(pipeline);
        emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "GET", PathPrefix = "/v1/image-projects/", StatusCode = 503, Times = 2 });
        emulator.Faults.Add(new FaultRule(FaultKind.DropConnection) { Method = "GET", PathPrefix = "/v1/image-projects/" });

        TestProject final = await WaitAsync(pipeline, created.Id);

        Assert.Equal(ProjectStatus.Complete, final.Status);
    }

    [Fact]
    public async Task The_poll_interval_backs_off_to_its_maximum()
    {
        var clock = new RecordingTimeProvider();
        var options = new PollingOptions
        {
            InitialInterval = TimeSpan.FromMilliseconds(40),
            MaxInterval = TimeSpan.FromMilliseconds(160),
            BackoffFactor = 2,
            Timeout = TimeSpan.FromSeconds(10),
        };
        int polls = 0;

        TestProject final = await new ProjectPoller { TimeProvider = clock }.WaitAsync(
            "p1",
            _ =>
            {
                string status = ++polls < 7 ? ProjectStatus.Rendering : ProjectStatus.Complete;
                return Task.FromResult(new TestProject("p1", status, true, 5, [], null, null));
            },
            static project => project.State,
            options);

        // The waits the poller asked for, not how long they took: 40, 80, 160, 160, 160, 160 ms, each with ±10 % jitter.
        Assert.Equal(ProjectStatus.Complete, final.Status);
        Assert.Equal(7, polls);
        double[] expected = [40, 80, 160, 160, 160, 160];
        Assert.Equal(expected.Length, clock.Delays.Count);
        Assert.All(expected.Zip(clock.Delays), pair => Assert.InRange(pair.Second.TotalMilliseconds, pair.First * 0.9, pair.First * 1.1));
    }

    private static Task<TestProject> WaitAsync(ApiPipeline pipeline, string id) => TestApi.WaitAsync(pipeline, id);
}

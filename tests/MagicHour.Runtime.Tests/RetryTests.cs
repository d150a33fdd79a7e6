using System.Net;
using System.Net.Sockets;
using MagicHour.Emulator;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Tests.Support;

namespace MagicHour.Runtime.Tests;

public sealed class RetryTests
{
    private const string Create = "/v1/ai-image-generator";
    private const string Projects = "/v1/image-projects/";

    [Theory]
    [InlineData(429)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_get_is_retried_on_transient_statuses(int status)
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        CreatedProject created = await TestApi.CreateImageAsync(pipeline);
        emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "GET", PathPrefix = Projects, StatusCode = status, Times = 2 });

        TestProject snapshot = await TestApi.GetProjectAsync(pipeline, created.Id);

        Assert.Equal(created.Id, snapshot.Id);
        Assert.Equal(3, emulator.Stats.RequestCount("GET", Projects));
    }

    [Fact]
    public async Task Gets_and_deletes_are_retried_after_a_dropped_connection_or_a_timeout()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator, configure: o => o.NetworkTimeout = TimeSpan.FromSeconds(1.5));
        CreatedProject created = await TestApi.CreateImageAsync(pipeline);
        emulator.Faults.Add(new FaultRule(FaultKind.DropConnection) { Method = "GET", PathPrefix = Projects });
        emulator.Faults.Add(new FaultRule(FaultKind.Delay) { Method = "GET", PathPrefix = Projects, Delay = TimeSpan.FromSeconds(6) });
        emulator.Faults.Add(new FaultRule(FaultKind.DropConnection) { Method = "DELETE", PathPrefix = Projects, AfterProcessing = true });

        TestProject snapshot = await TestApi.GetProjectAsync(pipeline, created.Id);
        await TestApi.DeleteProjectAsync(pipeline, created.Id);

        Assert.Equal(created.Id, snapshot.Id);
        Assert.Equal(3, emulator.Stats.RequestCount("GET", Projects));
        Assert.Equal(2, emulator.Stats.RequestCount("DELETE", Projects));
        Assert.False((await TestApi.GetProjectAsync(pipeline, created.Id)).Enabled);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_create_turned_away_with_429_or_503_is_retried_and_charged_once(int status)
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "POST", PathPrefix = Create, StatusCode = status, Times = 2 });

        CreatedProject created = await TestApi.CreateImageAsync(pipeline);

        Assert.Equal(3, emulator.Stats.RequestCount("POST", Create));
        Assert.Equal(1, emulator.Stats.CreateCount);
        Assert.Equal(created.CreditsCharged, emulator.Stats.CreditsCharged);
    }

    [Theory]
    [InlineData(502, false)]
    [InlineData(504, false)]
    [InlineData(502, true)]
    [InlineData(504, true)]
    public async Task A_create_answered_by_a_gateway_error_is_not_retried(int status, bool afterProcessing)
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "POST", PathPrefix = Create, StatusCode = status, AfterProcessing = afterProcessing });

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.CreateImageAsync(pipeline));

        Assert.Equal(MagicHourErrorKind.ServerError, error.Kind);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(1, emulator.Stats.RequestCount("POST", Create));
        Assert.Equal(afterProcessing ? 1 : 0, emulator.Stats.CreateCount);
    }

    [Fact]
    public async Task A_create_whose_connection_drops_after_processing_is_not_retried_no_double_charge()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);

        // Warm the connection pool so that the create goes over a reused connection, where a handler might resend.
        await TestApi.CreateImageAsync(pipeline);
        long creditsBefore = emulator.Stats.CreditsCharged;
        emulator.Faults.Add(new FaultRule(FaultKind.DropConnection) { Method = "POST", PathPrefix = Create, AfterProcessing = true });

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.CreateImageAsync(pipeline));

        Assert.Equal(MagicHourErrorKind.Network, error.Kind);
        Assert.True(error.RequestMayHaveBeenProcessed);
        Assert.Contains("not retried", error.Message);
        Assert.Equal(2, emulator.Stats.RequestCount("POST", Create));
        Assert.Equal(2, emulator.Stats.CreateCount);
        Assert.Equal(2 * creditsBefore, emulator.Stats.CreditsCharged);
    }

    [Fact]
    public async Task A_create_that_times_out_after_the_body_was_sent_is_not_retried_no_double_charge()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator, configure: o => o.NetworkTimeout = TimeSpan.FromSeconds(2));
        emulator.Faults.Add(new FaultRule(FaultKind.Delay) { Method = "POST", PathPrefix = Create, Delay = TimeSpan.FromSeconds(8), AfterProcessing = true });

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.CreateImageAsync(pipeline));

        Assert.Equal(MagicHourErrorKind.Timeout, error.Kind);
        Assert.True(error.RequestMayHaveBeenProcessed);
        Assert.Equal(1, emulator.Stats.RequestCount("POST", Create));
        Assert.Equal(1, emulator.Stats.CreateCount);
    }

    [Fact]
    public async Task A_create_dropped_before_processing_is_still_not_retried_because_the_client_cannot_tell()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        emulator.Faults.Add(new FaultRule(FaultKind.DropConnection) { Method = "POST", PathPrefix = Create });

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.CreateImageAsync(pipeline));

        Assert.Equal(MagicHourErrorKind.Network, error.Kind);
        Assert.Equal(1, emulator.Stats.RequestCount("POST", Create));
        Assert.Equal(0, emulator.Stats.CreateCount);
    }

    [Fact]
    public async Task A_create_is_retried_when_the_connection_could_not_be_opened()
    {
        int closedPort = FreePort();
        var logs = new RecordingLoggerProvider();
        using ApiPipeline pipeline = ApiPipeline.Create(new MagicHourClientOptions
        {
            ApiKey = TestApi.ApiKey,
            BaseAddress = new Uri($"http://127.0.0.1:{closedPort}/"),
            ClientLoggingOptions = new() { LoggerFactory = logs.CreateFactory() },
            Retry = new RetryOptions { MaxRetries = 2, InitialDelay = TimeSpan.FromMilliseconds(10) },
        });

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.CreateImageAsync(pipeline));

        Assert.Equal(MagicHourErrorKind.Network, error.Kind);
        Assert.False(error.RequestMayHaveBeenProcessed);
        Assert.Contains("after 3 attempts", error.Message);
        Assert.Equal(3, logs.Lines.Count(l => l.Contains("Sending POST", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Retry_after_is_honoured()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "POST", PathPrefix = Create, StatusCode = 429, RetryAfter = TimeSpan.FromSeconds(1) });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await TestApi.CreateImageAsync(pipeline);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"waited {clock.Elapsed}");
        Assert.Equal(1, emulator.Stats.CreateCount);
    }

    [Fact]
    public async Task A_retry_after_longer_than_allowed_ends_the_retries_and_is_reported()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator, configure: o => o.Retry.MaxRetryAfter = TimeSpan.FromMilliseconds(500));
        emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "POST", PathPrefix = Create, StatusCode = 429, RetryAfter = TimeSpan.FromSeconds(30) });

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.CreateImageAsync(pipeline));

        Assert.Equal(MagicHourErrorKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Equal(1, emulator.Stats.RequestCount("POST", Create));
    }

    [Fact]
    public async Task Retries_end_after_the_configured_count_with_the_last_status()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator, configure: o => o.Retry.MaxRetries = 2);
        emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "POST", PathPrefix = Create, StatusCode = 503, Times = 10 });

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.CreateImageAsync(pipeline));

        Assert.Equal(MagicHourErrorKind.ServerError, error.Kind);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, emulator.Stats.RequestCount("POST", Create));
        Assert.Equal(0, emulator.Stats.CreateCount);
    }

    [Fact]
    public async Task Cancellation_during_a_retry_wait_stops_at_once()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "POST", PathPrefix = Create, StatusCode = 503, RetryAfter = TimeSpan.FromSeconds(20) });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TestApi.CreateImageAsync(pipeline, cancellationToken: cancellation.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal(0, emulator.Stats.CreateCount);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

using MagicHour.Emulator;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Projects;
using MagicHour.Runtime.Tests.Support;

namespace MagicHour.Runtime.Tests;

/// <summary>
/// A server that echoes the API key (in an error message, a project's error, a status, a value the reader rejects):
/// the key shows up in no message, <c>ToString()</c>, inner exception, progress report or log line.
/// </summary>
public sealed class KeyEchoTests
{
    private const string Create = "/v1/ai-image-generator";
    private const string Projects = "/v1/image-projects/";

    [Fact]
    public async Task An_error_message_that_echoes_the_key_is_redacted()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        var logs = new RecordingLoggerProvider();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator, logs);
        emulator.Faults.Add(new FaultRule(FaultKind.Body) { Method = "POST", PathPrefix = Create, StatusCode = 400, Body = """{"message":"Bearer {authorization} is not allowed to do this"}""" });

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.CreateImageAsync(pipeline));

        Assert.Equal(MagicHourErrorKind.BadRequest, error.Kind);
        Assert.Equal("Bearer *** is not allowed to do this", error.ServerMessage);
        NoKey.In(error);
        NoKey.In(logs.Lines);
    }

    [Fact]
    public async Task A_project_error_that_echoes_the_key_is_redacted_in_the_exception_and_the_logs()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        var logs = new RecordingLoggerProvider();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator, logs);
        emulator.Outcomes.Enqueue(ProjectOutcome.Error("key_" + TestApi.ApiKey, $"The key {TestApi.ApiKey} cannot render this"));
        CreatedProject created = await TestApi.CreateImageAsync(pipeline);

        var error = await Assert.ThrowsAsync<MagicHourProjectException>(() => TestApi.WaitAsync(pipeline, created.Id));

        Assert.Equal(MagicHourErrorKind.ProjectFailed, error.Kind);
        Assert.Equal("key_***", error.ErrorCode);
        Assert.Equal("The key *** cannot render this", error.ErrorMessage);
        Assert.Contains("key_***", error.Message);
        NoKey.In(error);
        NoKey.In(logs.Lines);
    }

    [Fact]
    public async Task A_status_and_an_id_that_echo_the_key_are_redacted_in_progress_logs_and_the_timeout()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        var logs = new RecordingLoggerProvider();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator, logs);
        emulator.Outcomes.Enqueue(ProjectOutcome.StuckIn("waiting-for-" + TestApi.ApiKey) with { ProjectId = "p-" + TestApi.ApiKey });
        CreatedProject created = await TestApi.CreateImageAsync(pipeline);
        var progress = new List<ProjectProgress>();

        var error = await Assert.ThrowsAsync<MagicHourProjectException>(() => TestApi.WaitAsync(
            pipeline, created.Id, TestApi.FastPolling(TimeSpan.FromMilliseconds(500)), new SynchronousProgress<ProjectProgress>(progress.Add)));

        Assert.Equal(MagicHourErrorKind.Timeout, error.Kind);
        Assert.Equal("waiting-for-***", error.ProjectStatus);
        Assert.NotEmpty(progress);
        NoKey.In(progress.Select(p => p.ToString()));
        NoKey.In(error);
        NoKey.In(logs.Lines);
        Assert.Contains(logs.Lines, l => l.Contains("waiting-for-***", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_that_quotes_the_key_in_a_value_the_reader_rejects_leaves_no_trace_in_the_inner_exception()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        var logs = new RecordingLoggerProvider();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator, logs);
        emulator.Faults.Add(new FaultRule(FaultKind.Body)
        {
            Method = "GET",
            PathPrefix = Projects,
            StatusCode = 200,
            Body = """{"id":"p","status":"complete","created_at":"{authorization}","enabled":true,"credits_charged":1,"downloads":[],"error":null}""",
        });

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.GetProjectAsync(pipeline, "p"));

        Assert.Equal(MagicHourErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("\"***\" is not a date-time", error.Message);
        var inner = Assert.IsType<System.Text.Json.JsonException>(error.InnerException);
        Assert.Contains("\"***\" is not a date-time", inner.Message);
        NoKey.In(error);
        NoKey.In(logs.Lines);
    }
}

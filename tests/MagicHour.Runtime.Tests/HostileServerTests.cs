using System.Net;
using System.Net.Http;
using Microsoft.AspNetCore.Http;
using MagicHour.Emulator;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Tests.Support;

namespace MagicHour.Runtime.Tests;

/// <summary>
/// Bodies that stall, trickle or break off: every call ends with a typed fault within the network timeout (2 s here;
/// the server's delays are minutes, the test's own bound one minute), reading the body is part of the attempt, and
/// the retry rules apply to it.
/// </summary>
public sealed class HostileServerTests
{
    private const string Create = "/v1/ai-image-generator";
    private const string Projects = "/v1/image-projects/";
    private static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Forever = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan TestBound = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_get_whose_body_stalls_after_the_headers_times_out_after_every_retry()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        var logs = new RecordingLoggerProvider();
        using ApiPipeline pipeline = Pipeline(emulator, logs, maxRetries: 2);
        CreatedProject created = await TestApi.CreateImageAsync(pipeline);
        emulator.Faults.Add(new FaultRule(FaultKind.StallBody) { Method = "GET", PathPrefix = Projects, Delay = Forever, Times = 10 });

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.GetProjectAsync(pipeline, created.Id).WaitAsync(TestBound));

        Assert.Equal(MagicHourErrorKind.Timeout, error.Kind);
        Assert.False(error.RequestMayHaveBeenProcessed);
        Assert.Contains("within 2 s", error.Message);
        Assert.Contains("after 3 attempts", error.Message);
        Assert.Equal(3, emulator.Stats.RequestCount("GET", Projects));
        Assert.Equal(2, logs.Lines.Count(l => l.Contains("Retrying imageProjects.getDetails", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(FaultKind.StallBody)]
    [InlineData(FaultKind.TrickleBody)]
    [InlineData(FaultKind.ResetMidBody)]
    public async Task A_get_whose_body_fails_once_is_retried_and_succeeds(FaultKind fault)
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = Pipeline(emulator, maxRetries: 2);
        CreatedProject created = await TestApi.CreateImageAsync(pipeline);
        emulator.Faults.Add(new FaultRule(fault) { Method = "GET", PathPrefix = Projects, Delay = fault == FaultKind.TrickleBody ? TimeSpan.FromMilliseconds(200) : Forever });

        TestProject project = await TestApi.GetProjectAsync(pipeline, created.Id).WaitAsync(TestBound);

        Assert.Equal(created.Id, project.Id);
        Assert.Equal(2, emulator.Stats.RequestCount("GET", Projects));
    }

    [Fact]
    public async Task A_get_whose_body_trickles_for_longer_than_the_timeout_times_out()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = Pipeline(emulator, maxRetries: 1);
        CreatedProject created = await TestApi.CreateImageAsync(pipeline);

        // About 300 bytes, one every 200 ms: a minute in all, each byte well within the timeout.
        emulator.Faults.Add(new FaultRule(FaultKind.TrickleBody) { Method = "GET", PathPrefix = Projects, Delay = TimeSpan.FromMilliseconds(200), Times = 10 });

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.GetProjectAsync(pipeline, created.Id).WaitAsync(TestBound));

        Assert.Equal(MagicHourErrorKind.Timeout, error.Kind);
        Assert.Equal(2, emulator.Stats.RequestCount("GET", Projects));
    }

    [Theory]
    [InlineData(FaultKind.StallBody, MagicHourErrorKind.Timeout)]
    [InlineData(FaultKind.TrickleBody, MagicHourErrorKind.Timeout)]
    [InlineData(FaultKind.ResetMidBody, MagicHourErrorKind.Network)]
    public async Task A_create_whose_200_body_fails_is_not_retried_and_may_have_been_processed(FaultKind fault, MagicHourErrorKind kind)
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = Pipeline(emulator, maxRetries: 3);
        emulator.Faults.Add(new FaultRule(fault) { Method = "POST", PathPrefix = Create, Delay = fault == FaultKind.TrickleBody ? TimeSpan.FromMilliseconds(500) : Forever, Times = 10 });

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.CreateImageAsync(pipeline).WaitAsync(TestBound));

        Assert.Equal(kind, error.Kind);
        Assert.True(error.RequestMayHaveBeenProcessed, "the server answered 200: the project exists and was charged");
        Assert.Contains("not retried", error.Message);
        Assert.Equal(1, emulator.Stats.RequestCount("POST", Create));
        Assert.Equal(1, emulator.Stats.CreateCount);
        NoKey.In(error);
    }

    [Fact]
    public async Task An_error_body_that_stalls_is_bounded_too()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = Pipeline(emulator, maxRetries: 0);
        emulator.Faults.Add(new FaultRule(FaultKind.StallBody) { Method = "GET", PathPrefix = Projects, Delay = Forever });

        // An unknown project: the answer is a 404 whose body never comes.
        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.GetProjectAsync(pipeline, "no-such-project").WaitAsync(TestBound));

        Assert.Equal(MagicHourErrorKind.Timeout, error.Kind);
        Assert.Contains("(404)", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_streamed_body_that_stalls_fails_the_read_with_a_timeout(bool synchronous)
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using ScriptedHttpServer server = await ScriptedHttpServer.StartAsync(async context =>
        {
            context.Response.ContentType = "image/png";
            context.Response.ContentLength = 8;
            await context.Response.Body.WriteAsync(new byte[] { 1, 2, 3, 4 });
            await context.Response.Body.FlushAsync();
            try
            {
                await Task.Delay(Forever, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                aborted.TrySetResult();
            }
        });
        using ApiPipeline pipeline = ApiPipeline.Create(new MagicHourClientOptions { ApiKey = TestApi.ApiKey, BaseAddress = server.BaseAddress, NetworkTimeout = NetworkTimeout });
        using BinaryResponse response = await pipeline.SendForBinaryAsync(new ApiRequest(HttpMethod.Get, "/files/cat.png", "getFile")).WaitAsync(TestBound);
        var buffer = new byte[8];
        int first = await response.Content.ReadAsync(buffer).AsTask().WaitAsync(TestBound);

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => synchronous
            ? Task.Run(() => response.Content.Read(buffer, first, buffer.Length - first)).WaitAsync(TestBound)
            : response.Content.ReadAsync(buffer.AsMemory(first)).AsTask().WaitAsync(TestBound));
        var again = await Assert.ThrowsAsync<MagicHourApiException>(() => response.Content.ReadAsync(buffer.AsMemory(first)).AsTask().WaitAsync(TestBound));

        Assert.Equal(4, first);
        Assert.Equal(MagicHourErrorKind.Timeout, error.Kind);
        Assert.Equal("getFile", error.OperationId);
        Assert.Contains("after 4 bytes", error.Message);
        Assert.Equal(MagicHourErrorKind.Timeout, again.Kind);
        response.Dispose();
        await aborted.Task.WaitAsync(TestBound);
    }

    [Fact]
    public async Task An_answer_larger_than_the_buffer_limit_is_an_invalid_response_not_a_memory_hog()
    {
        await using ScriptedHttpServer server = await ScriptedHttpServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("[" + string.Join(",", Enumerable.Repeat("1", 10_000)) + "]");
        });
        var options = new MagicHourClientOptions { ApiKey = TestApi.ApiKey, BaseAddress = server.BaseAddress, MaxBufferedResponseBytes = 4096 };
        using ApiPipeline pipeline = ApiPipeline.Create(options);
        var request = new ApiRequest(HttpMethod.Post, "/v1/things", "things.create");

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => pipeline.SendAsync(request, static (ref System.Text.Json.Utf8JsonReader reader) => 0));

        Assert.Equal(MagicHourErrorKind.InvalidResponse, error.Kind);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.True(error.RequestMayHaveBeenProcessed);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task An_operation_that_answers_with_an_empty_body_asks_for_no_json()
    {
        var accepts = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using ScriptedHttpServer server = await ScriptedHttpServer.StartAsync(context =>
        {
            accepts.Enqueue($"{context.Request.Method} {context.Request.Headers.Accept}");
            context.Response.StatusCode = context.Request.Method == "DELETE" ? 204 : 200;
            return context.Request.Method == "DELETE"
                ? Task.CompletedTask
                : context.Response.WriteAsync("""{"id":"p","status":"queued","enabled":true,"credits_charged":1,"downloads":[],"error":null}""");
        });
        using ApiPipeline pipeline = server.Pipeline();

        await TestApi.DeleteProjectAsync(pipeline, "p");
        await TestApi.GetProjectAsync(pipeline, "p");

        Assert.Equal(["DELETE ", "GET application/json"], accepts);
    }

    private static ApiPipeline Pipeline(MagicHourEmulator emulator, RecordingLoggerProvider? logs = null, int maxRetries = 3) =>
        TestApi.Pipeline(emulator, logs, o =>
        {
            o.NetworkTimeout = NetworkTimeout;
            o.Retry.MaxRetries = maxRetries;
        });
}

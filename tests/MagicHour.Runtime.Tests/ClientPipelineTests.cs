using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Net.Http;
using MagicHour.Emulator;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace MagicHour.Runtime.Tests;

/// <summary>What the runtime takes from System.ClientModel, and where it keeps its own rules instead.</summary>
public sealed class ClientPipelineTests
{
    private const string Create = "/v1/ai-image-generator";

    [Theory]
    [InlineData("POST", 500)]
    [InlineData("POST", 502)]
    [InlineData("GET", 500)]
    public async Task System_ClientModels_default_retry_classifier_never_runs(string method, int status)
    {
        // SCM's default classifier retries 500 and 502 for any method; our rule repeats neither a create nor a 500.
        await using ScriptedHttpServer server = await ScriptedHttpServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsync("""{"message":"boom"}""");
        });
        using ApiPipeline pipeline = server.Pipeline();

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => pipeline.SendAsync(
            new ApiRequest(new HttpMethod(method), "/v1/things", "things.call"), static (ref System.Text.Json.Utf8JsonReader _) => 0));

        Assert.Equal(status, error.Status);
        Assert.Equal("boom", error.ServerMessage);
        Assert.Equal(1, server.RequestCount);
        Assert.IsNotType<ClientRetryPolicy>(pipeline.PipelineOptions.RetryPolicy);
    }

    [Fact]
    public async Task A_ClientRetryPolicy_set_in_the_options_never_resends_a_create_that_may_have_been_processed()
    {
        // The rule lives in the classifier every message carries, which SCM's retry policy asks.
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator, configure: o => o.RetryPolicy = new ClientRetryPolicy(maxRetries: 1));
        CreatedProject created = await TestApi.CreateImageAsync(pipeline);

        emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "POST", PathPrefix = Create, StatusCode = 500, AfterProcessing = true });
        var answered = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.CreateImageAsync(pipeline));
        emulator.Faults.Add(new FaultRule(FaultKind.DropConnection) { Method = "POST", PathPrefix = Create, AfterProcessing = true });
        var dropped = await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.CreateImageAsync(pipeline));
        emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "GET", PathPrefix = "/v1/image-projects/", StatusCode = 503 });
        await TestApi.GetProjectAsync(pipeline, created.Id);

        Assert.Equal(500, answered.Status);
        Assert.Equal(MagicHourErrorKind.Network, dropped.Kind);
        Assert.True(dropped.RequestMayHaveBeenProcessed);
        Assert.Equal(3, emulator.Stats.RequestCount("POST", Create));
        Assert.Equal(3, emulator.Stats.CreateCount);
        Assert.Equal(2, emulator.Stats.RequestCount("GET", "/v1/image-projects/"));
    }

    [Fact]
    public async Task A_rotated_key_is_sent_from_the_next_request_on_and_both_keys_stay_redacted()
    {
        const string second = "mh_live_ROTATED_77aa0e";
        var seen = new ConcurrentQueue<string>();
        await using ScriptedHttpServer server = await ScriptedHttpServer.StartAsync(context =>
        {
            seen.Enqueue(context.Request.Headers.Authorization.ToString());
            context.Response.StatusCode = 400;
            return context.Response.WriteAsync($$"""{"message":"{{context.Request.Headers.Authorization}} and {{TestApi.ApiKey}} are echoed"}""");
        });
        var credential = new ApiKeyCredential(TestApi.ApiKey);
        using var pipeline = new ApiPipeline(null, new MagicHourClientOptions { BaseAddress = server.BaseAddress }, credential);
        var request = new ApiRequest(HttpMethod.Get, "/v1/image-projects/p", "imageProjects.getDetails");

        var before = await Assert.ThrowsAsync<MagicHourApiException>(() => pipeline.SendAsync(request));
        credential.Update(second);
        var after = await Assert.ThrowsAsync<MagicHourApiException>(() => pipeline.SendAsync(request));

        Assert.Equal(["Bearer " + TestApi.ApiKey, "Bearer " + second], seen);
        Assert.Equal("Bearer *** and *** are echoed", after.ServerMessage);
        NoKey.In(before);
        NoKey.In(after);
        NoKey.In(after, second);
        Assert.DoesNotContain(TestApi.ApiKey, after.GetRawResponse()!.Content.ToString());
        Assert.DoesNotContain(second, after.GetRawResponse()!.Content.ToString());
    }

    [Fact]
    public async Task The_user_agent_names_the_library_its_version_and_the_application()
    {
        string? userAgent = null;
        await using ScriptedHttpServer server = await ScriptedHttpServer.StartAsync(context =>
        {
            userAgent = context.Request.Headers.UserAgent;
            return Task.CompletedTask;
        });
        using ApiPipeline pipeline = ApiPipeline.Create(new MagicHourClientOptions { ApiKey = TestApi.ApiKey, BaseAddress = server.BaseAddress, ApplicationId = "my-app" });

        await pipeline.SendAsync(new ApiRequest(HttpMethod.Delete, "/v1/image-projects/p", "imageProjects.delete"));

        Assert.NotNull(userAgent);
        Assert.StartsWith("my-app MagicHour.Runtime/0.1.0", userAgent);
        Assert.Contains(".NET", userAgent);
    }

    [Fact]
    public async Task System_ClientModels_message_logging_goes_through_the_redacting_logger()
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        var logs = new RecordingLoggerProvider();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator, logs);
        emulator.Faults.Add(new FaultRule(FaultKind.Body) { Method = "POST", PathPrefix = Create, StatusCode = 400, Body = """{"message":"Bearer {authorization} is not allowed"}""" });

        await Assert.ThrowsAsync<MagicHourApiException>(() => TestApi.CreateImageAsync(pipeline));

        Assert.Contains(logs.Lines, l => l.Contains("System.ClientModel.Primitives.MessageLoggingPolicy", StringComparison.Ordinal) && l.Contains("POST", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("Authorization:REDACTED", StringComparison.Ordinal));
        NoKey.In(logs.Lines);
    }
}

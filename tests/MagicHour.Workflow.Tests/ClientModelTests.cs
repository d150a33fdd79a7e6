using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MagicHour.Client;
using MagicHour.Emulator;
using MagicHour.Runtime;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Projects;
using MagicHour.Runtime.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MagicHour.Workflow.Tests;

/// <summary>What a user of the OpenAI or Azure SDK expects of the generated client, against the emulator.</summary>
public sealed class ClientModelTests : IAsyncLifetime
{
    // Tests of other classes trace in parallel: each test here runs under a root span of its own and looks only at its trace.
    private static readonly ActivitySource TestSource = new("MagicHour.Workflow.Tests");

    private readonly string _outputs = Path.Combine(Path.GetTempPath(), "mh-scm-" + Guid.NewGuid().ToString("N"));
    private MagicHourEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await MagicHourEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        if (Directory.Exists(_outputs))
        {
            Directory.Delete(_outputs, recursive: true);
        }
    }

    [Fact]
    public async Task A_policy_added_to_the_options_runs_per_try_and_one_added_to_a_call_runs_for_that_call()
    {
        var perTry = new CountingPolicy();
        var perCall = new CountingPolicy();
        MagicHourClientOptions options = Options();
        options.AddPolicy(perTry, PipelinePosition.PerTry);
        using var client = new MagicHourClient(options);
        _emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "POST", PathPrefix = "/v1/ai-image-generator", StatusCode = 503 });
        var call = new RequestOptions();
        call.AddPolicy(perCall, PipelinePosition.PerCall);
        call.AddHeader("x-trace", "abc");

        AiImageGeneratorCreateResponse created = await client.V1.AiImageGenerator.CreateAsync(Request(), options: call);
        await client.V1.ImageProjects.GetAsync(created.Id);

        Assert.Equal(3, perTry.Count);
        Assert.Equal(["/v1/ai-image-generator", "/v1/ai-image-generator", $"/v1/image-projects/{created.Id}"], perTry.Paths);
        Assert.Equal(1, perCall.Count);
        Assert.Equal("abc", perTry.Headers[0]);
        Assert.Null(perTry.Headers[2]);
    }

    [Fact]
    public async Task A_success_gives_its_raw_response_with_status_headers_and_request_id()
    {
        using var client = new MagicHourClient(Options());

        ClientResult<AiImageGeneratorCreateResponse> created = await client.V1.AiImageGenerator.CreateAsync(Request());
        AiImageGeneratorCreateResponse value = created;
        PipelineResponse response = created.GetRawResponse();

        Assert.Equal(200, response.Status);
        Assert.Same(created.Value, value);
        Assert.True(response.Headers.TryGetValue("x-request-id", out string? requestId));
        Assert.StartsWith("req_", requestId);
        Assert.Equal(requestId, ResponseHeaders.RequestIdOf(response));
        Assert.Contains("\"id\"", response.Content.ToString());
    }

    [Fact]
    public async Task An_error_is_a_ClientResultException_with_the_raw_response_or_a_result_when_told_not_to_throw()
    {
        using var client = new MagicHourClient(Options());

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => client.V1.ImageProjects.GetAsync("no-such-project"));
        ClientResult<ImageProjectsGetResponse> quiet = await client.V1.ImageProjects.GetAsync("no-such-project", options: new RequestOptions { ErrorOptions = ClientErrorBehaviors.NoThrow });

        Assert.IsAssignableFrom<ClientResultException>(error);
        Assert.Equal(404, error.Status);
        Assert.Equal(404, error.GetRawResponse()!.Status);
        Assert.StartsWith("req_", error.RequestId);
        Assert.Equal(404, quiet.GetRawResponse().Status);
        Assert.Null(quiet.Value);
    }

    [Fact]
    public async Task A_project_is_taken_up_again_by_id_or_by_token_in_a_new_client_and_waited_for()
    {
        string id;
        ContinuationToken token;
        using (var first = new MagicHourClient(Options()))
        {
            AiImageGeneratorCreateResponse created = await first.V1.AiImageGenerator.CreateAsync(Request());
            id = created.Id;
            ProjectOperation<ImageProjectsGetResponse> started = await first.V1.ImageProjects.RehydrateAsync(id);
            token = started.RehydrationToken!;
        }

        // A new process would have only the id, or the token's bytes.
        BinaryData stored = token.ToBytes();
        using var second = new MagicHourClient(Options());
        ProjectOperation<ImageProjectsGetResponse> byId = await second.V1.ImageProjects.RehydrateAsync(id);
        ProjectOperation<ImageProjectsGetResponse> byToken = await second.V1.ImageProjects.RehydrateAsync(ContinuationToken.FromBytes(stored));
        await byId.WaitForCompletionAsync();
        await byToken.WaitForCompletionAsync();
        IReadOnlyList<string> files = await byId.DownloadOutputsAsync(_outputs);

        Assert.True(byId.HasCompleted);
        Assert.Equal("complete", byId.Status);
        Assert.Equal(ImageProjectsGetResponseStatus.Complete, byToken.Value!.Status);
        Assert.Equal(id, byToken.ProjectId);
        Assert.Equal(200, byId.GetRawResponse().Status);
        Assert.Single(files);
        Assert.Equal(1, _emulator.Stats.CreateCount);
    }

    [Fact]
    public async Task A_whole_GenerateAsync_is_one_span_with_a_span_per_step_and_call()
    {
        var spans = new ConcurrentQueue<Activity>();
        using ActivityListener listener = Listen(spans);
        using Activity root = TestSource.StartActivity("test")!;
        using var client = new MagicHourClient(Options());

        ProjectResult<ImageProjectsGetResponse> result = await EditLocalImageAsync(client);

        List<Activity> mine = spans.Where(s => s.TraceId == root.TraceId).ToList();
        Activity generate = Assert.Single(mine, s => s.OperationName == MagicHourTelemetry.GenerateSpan);
        Assert.Equal(root.SpanId, generate.ParentSpanId);
        Activity Child(string name) => Assert.Single(mine, s => s.OperationName == name && s.ParentSpanId == generate.SpanId);
        Activity upload = Child(MagicHourTelemetry.UploadSpan);
        Activity create = Child("aiImageEditor.createImage");
        Activity download = Child(MagicHourTelemetry.DownloadSpan);
        List<Activity> polls = mine.Where(s => s.OperationName == MagicHourTelemetry.PollSpan && s.ParentSpanId == generate.SpanId).ToList();

        Assert.Equal(result.ProjectId, generate.GetTagItem(MagicHourTelemetry.ProjectIdAttribute));
        Assert.Equal("complete", generate.GetTagItem(MagicHourTelemetry.ProjectStatusAttribute));
        Assert.Equal(result.CreditsCharged, generate.GetTagItem(MagicHourTelemetry.CreditsAttribute));
        Assert.Contains(mine, s => s.OperationName == "files.uploadUrls.create" && s.ParentSpanId == upload.SpanId);
        Assert.Contains(mine, s => s.OperationName == "upload" && s.ParentSpanId == upload.SpanId && (string?)s.GetTagItem("http.request.method") == "PUT");
        Assert.Equal(ActivityKind.Client, create.Kind);
        Assert.Equal("POST", create.GetTagItem("http.request.method"));
        Assert.Equal("127.0.0.1", create.GetTagItem("server.address"));
        Assert.Equal(_emulator.BaseAddress.Port, create.GetTagItem("server.port"));
        Assert.Equal(200, create.GetTagItem("http.response.status_code"));
        Assert.NotEmpty(polls);
        Assert.All(polls, p => Assert.Single(mine, s => s.OperationName == "imageProjects.getDetails" && s.ParentSpanId == p.SpanId));
        Assert.Equal("complete", polls[^1].GetTagItem(MagicHourTelemetry.ProjectStatusAttribute));
        Assert.Contains(mine, s => s.OperationName == "download" && s.ParentSpanId == download.SpanId);
    }

    [Fact]
    public async Task With_distributed_tracing_off_no_span_is_made_and_a_failure_marks_its_span()
    {
        var spans = new ConcurrentQueue<Activity>();
        using ActivityListener listener = Listen(spans);
        using Activity root = TestSource.StartActivity("test")!;
        MagicHourClientOptions off = Options();
        off.EnableDistributedTracing = false;
        using (var quiet = new MagicHourClient(off))
        {
            await quiet.V1.AiImageGenerator.CreateAsync(Request());
        }

        Assert.DoesNotContain(spans, s => s.TraceId == root.TraceId);
        using var client = new MagicHourClient(Options());
        await Assert.ThrowsAsync<MagicHourApiException>(() => client.V1.ImageProjects.GetAsync("missing"));

        Activity failed = Assert.Single(spans, s => s.TraceId == root.TraceId);
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal("404", failed.GetTagItem("error.type"));
        Assert.Equal(nameof(MagicHourErrorKind.NotFound), failed.GetTagItem(MagicHourTelemetry.ErrorKindAttribute));
    }

    [Fact]
    public async Task With_distributed_tracing_off_no_step_of_a_GenerateAsync_nor_of_a_resumed_project_makes_a_span()
    {
        var spans = new ConcurrentQueue<Activity>();
        using ActivityListener listener = Listen(spans);
        using Activity root = TestSource.StartActivity("test")!;
        MagicHourClientOptions off = Options();
        off.EnableDistributedTracing = false;
        using var client = new MagicHourClient(off);

        ProjectResult<ImageProjectsGetResponse> result = await EditLocalImageAsync(client);
        ProjectOperation<ImageProjectsGetResponse> resumed = await client.V1.ImageProjects.RehydrateAsync(result.ProjectId);
        await resumed.WaitForCompletionAsync();
        await resumed.UpdateStatusAsync();
        IReadOnlyList<string> again = await resumed.DownloadOutputsAsync(Path.Combine(_outputs, "again"));

        Assert.Single(result.DownloadedPaths);
        Assert.Single(again);
        Assert.Equal(1, _emulator.Stats.RequestCount("PUT", "/"));
        Assert.DoesNotContain(spans, s => s.TraceId == root.TraceId);
    }

    [Fact]
    public async Task A_call_that_got_no_response_names_the_kind_of_failure_as_its_error_type()
    {
        var spans = new ConcurrentQueue<Activity>();
        using ActivityListener listener = Listen(spans);
        using Activity root = TestSource.StartActivity("test")!;
        MagicHourClientOptions options = Options();
        options.Retry.MaxRetries = 0;
        using var client = new MagicHourClient(options);
        _emulator.Faults.Add(new FaultRule(FaultKind.DropConnection) { Method = "GET", PathPrefix = "/v1/image-projects/" });

        var error = await Assert.ThrowsAsync<MagicHourApiException>(() => client.V1.ImageProjects.GetAsync("p"));

        Activity failed = Assert.Single(spans, s => s.TraceId == root.TraceId);
        Assert.Equal(MagicHourErrorKind.Network, error.Kind);
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal("Network", failed.GetTagItem("error.type"));
        Assert.Null(failed.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task A_group_is_mocked_without_http()
    {
        var projects = new MockProjects();
        var client = new MockClient(new MockV1(projects));

        ClientResult<ImageProjectsGetResponse> result = await client.V1.ImageProjects.GetAsync("p1");
        ImageProjectsGetResponse project = await client.V1.ImageProjects.GetAsync("p2");

        Assert.Equal("p1", result.Value.Id);
        Assert.Equal("req_mock", ResponseHeaders.RequestIdOf(result.GetRawResponse()));
        Assert.Equal("p2", project.Id);
        Assert.Equal(["p1", "p2"], projects.Asked);
        Assert.Equal(0, _emulator.Stats.RequestCount("*", "/"));
    }

    [Fact]
    public async Task Options_bind_from_appsettings_json_and_the_client_works()
    {
        string json = $$"""
            {
              "MagicHour": {
                "ApiKey": "test-key",
                "BaseAddress": "{{_emulator.BaseAddress}}",
                "NetworkTimeout": "00:00:42",
                "ApplicationId": "bound-app",
                "EnableDistributedTracing": false,
                "Retry": { "MaxRetries": 5, "InitialDelay": "00:00:00.010" },
                "Polling": { "InitialInterval": "00:00:00.050", "Timeout": "00:00:30", "BackoffFactor": 1.25 }
              }
            }
            """;
        IConfiguration configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.AddMagicHourClient(configuration.GetSection("MagicHour"));
        await using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        MagicHourClient client = provider.GetRequiredService<MagicHourClient>();
        MagicHourClientOptions options = client.Pipeline.Options;
        ProjectResult<ImageProjectsGetResponse> result = await client.V1.AiImageGenerator.GenerateAsync(Request(), new GenerateOptions { DownloadOutputs = false });

        Assert.Equal("complete", result.Status);
        Assert.Equal(_emulator.BaseAddress, client.Pipeline.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(42), options.NetworkTimeout);
        Assert.Equal("bound-app", options.ApplicationId);
        Assert.False(options.EnableDistributedTracing);
        Assert.Equal(5, options.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(10), options.Retry.InitialDelay);
        Assert.Equal(1.25, options.Polling.BackoffFactor);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Polling.Timeout);
        Assert.Same(client, provider.GetRequiredService<MagicHourClient>());
    }

    private static ActivityListener Listen(ConcurrentQueue<Activity> spans)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is MagicHourTelemetry.ActivitySourceName or "MagicHour.Workflow.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private MagicHourClientOptions Options() => new()
    {
        ApiKey = "test-key",
        BaseAddress = _emulator.BaseAddress,
        Retry = new RetryOptions { InitialDelay = TimeSpan.FromMilliseconds(10) },
        Polling = new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(50), MaxInterval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromSeconds(30) },
    };

    private GenerateOptions Generate() => new()
    {
        DownloadDirectory = _outputs,
        Polling = new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(50), MaxInterval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromSeconds(30) },
    };

    /// <summary>A <c>GenerateAsync</c> with every step: a local image to upload, a project to poll, an output to download.</summary>
    private async Task<ProjectResult<ImageProjectsGetResponse>> EditLocalImageAsync(MagicHourClient client)
    {
        string image = Path.Combine(_outputs, "in.png");
        Directory.CreateDirectory(_outputs);
        await File.WriteAllBytesAsync(image, [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        return await client.V1.AiImageEditor.GenerateAsync(
            new AiImageEditorCreateRequest
            {
                Style = new AiImageEditorCreateRequestStyle { Prompt = "Sunglasses" },
                Assets = new AiImageEditorCreateRequestAssets { ImageFilePath = image },
            },
            Generate());
    }

    private static AiImageGeneratorCreateRequest Request() => new()
    {
        ImageCount = 1,
        Style = new AiImageGeneratorCreateRequestStyle { Prompt = "A lighthouse" },
    };

    /// <summary>Counts the attempts it sees, with their paths and the x-trace header.</summary>
    private sealed class CountingPolicy : PipelinePolicy
    {
        private readonly object _gate = new();

        public int Count { get; private set; }

        public List<string> Paths { get; } = [];

        public List<string?> Headers { get; } = [];

        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            Record(message);
            ProcessNext(message, pipeline, currentIndex);
        }

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            Record(message);
            return ProcessNextAsync(message, pipeline, currentIndex);
        }

        private void Record(PipelineMessage message)
        {
            lock (_gate)
            {
                Count++;
                Paths.Add(message.Request.Uri!.AbsolutePath);
                Headers.Add(message.Request.Headers.TryGetValue("x-trace", out string? value) ? value : null);
            }
        }
    }

    private sealed class MockClient(V1Client v1) : MagicHourClient
    {
        public override V1Client V1 => v1;
    }

    private sealed class MockV1(V1ImageProjectsClient projects) : V1Client
    {
        public override V1ImageProjectsClient ImageProjects => projects;
    }

    /// <summary>What a test writes: a group whose one operation answers from memory.</summary>
    private sealed class MockProjects : V1ImageProjectsClient
    {
        public List<string> Asked { get; } = [];

        public override Task<ClientResult<ImageProjectsGetResponse>> GetAsync(string id, CancellationToken cancellationToken = default, RequestOptions? options = null)
        {
            Asked.Add(id);
            var project = new ImageProjectsGetResponse
            {
                Id = id,
                Status = ImageProjectsGetResponseStatus.Complete,
                Enabled = true,
                CreditsCharged = 5,
                Downloads = [],
                Error = null,
                CreatedAt = DateTimeOffset.UtcNow,
                ImageCount = 1,
                Name = null,
                Type = "AI_IMAGE",
            };
            return Task.FromResult(ClientResult.FromValue(project, new MockResponse()));
        }
    }

    private sealed class MockResponse : PipelineResponse
    {
        public override int Status => 200;

        public override string ReasonPhrase => "OK";

        public override Stream? ContentStream { get; set; }

        public override BinaryData Content => BinaryData.Empty;

        protected override PipelineResponseHeaders HeadersCore { get; } = new MockHeaders();

        public override BinaryData BufferContent(CancellationToken cancellationToken = default) => BinaryData.Empty;

        public override ValueTask<BinaryData> BufferContentAsync(CancellationToken cancellationToken = default) => new(BinaryData.Empty);

        public override void Dispose()
        {
        }
    }

    private sealed class MockHeaders : PipelineResponseHeaders
    {
        private static readonly KeyValuePair<string, string>[] All = [new("x-request-id", "req_mock")];

        public override bool TryGetValue(string name, out string? value)
        {
            value = All.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
            return value is not null;
        }

        public override bool TryGetValues(string name, out IEnumerable<string>? values)
        {
            values = TryGetValue(name, out string? value) ? [value!] : null;
            return values is not null;
        }

        public override IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)All).GetEnumerator();
    }
}

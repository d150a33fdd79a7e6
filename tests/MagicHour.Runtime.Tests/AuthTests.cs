using System.Net.Http;
using MagicHour.Emulator;
using MagicHour.Runtime.Files;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Tests.Support;

namespace MagicHour.Runtime.Tests;

[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection
{
}

[Collection(nameof(EnvironmentCollection))]
public sealed class ApiKeySourceTests
{
    [Fact]
    public void Without_a_key_in_options_or_environment_the_error_says_how_to_set_one()
    {
        using var _ = new EnvironmentVariable(MagicHourClientOptions.ApiKeyEnvironmentVariable, null);

        var error = Assert.Throws<InvalidOperationException>(() => ApiPipeline.Create(new MagicHourClientOptions()));

        Assert.Contains("MAGIC_HOUR_API_KEY", error.Message);
        Assert.Contains("ApiKey", error.Message);
    }

    [Fact]
    public async Task The_key_is_read_from_the_environment_when_the_options_have_none()
    {
        using var _ = new EnvironmentVariable(MagicHourClientOptions.ApiKeyEnvironmentVariable, TestApi.ApiKey);
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync();
        using ApiPipeline pipeline = TestApi.Pipeline(emulator, configure: o => o.ApiKey = null);

        CreatedProject created = await TestApi.CreateImageAsync(pipeline);

        Assert.False(string.IsNullOrEmpty(created.Id));
    }

    private sealed class EnvironmentVariable : IDisposable
    {
        private readonly string _name;
        private readonly string? _previous;

        public EnvironmentVariable(string name, string? value)
        {
            _name = name;
            _previous = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
    }
}

public sealed class AuthTests
{
    [Theory]
    [InlineData("http://api.example.com/")]
    [InlineData("http://10.0.0.7:8080/")]
    public void Plain_http_to_another_machine_is_refused(string baseAddress)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ApiPipeline.Create(new MagicHourClientOptions { ApiKey = TestApi.ApiKey, BaseAddress = new Uri(baseAddress) }));

        Assert.Contains("https", error.Message);
        Assert.DoesNotContain(TestApi.ApiKey, error.ToString());
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://[::1]:5000/")]
    [InlineData("https://api.magichour.ai/")]
    public void Https_and_loopback_http_are_accepted(string baseAddress)
    {
        using ApiPipeline pipeline = ApiPipeline.Create(new MagicHourClientOptions { ApiKey = TestApi.ApiKey, BaseAddress = new Uri(baseAddress) });

        Assert.Equal(new Uri(baseAddress), pipeline.Options.BaseAddress);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("localhost")]
    public async Task Uploads_and_downloads_never_carry_the_key_whatever_their_host(string? assetHost)
    {
        await using MagicHourEmulator emulator = await TestApi.StartEmulatorAsync(assetHost);
        using ApiPipeline pipeline = TestApi.Pipeline(emulator);
        using var directory = new TempDirectory();
        string local = directory.Combine("in.png");
        await File.WriteAllBytesAsync(local, [1, 2, 3]);
        emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "PUT", PathPrefix = "/uploads/", StatusCode = 503 });
        emulator.Faults.Add(new FaultRule(FaultKind.DropConnection) { Method = "GET", PathPrefix = "/downloads/" });

        IReadOnlyList<string> uploaded = await TestApi.Uploader(pipeline).UploadAsync([local]);
        CreatedProject created = await TestApi.EditImageAsync(pipeline, uploaded[0]);
        TestProject final = await TestApi.WaitAsync(pipeline, created.Id);
        await new OutputDownloader(pipeline).DownloadAsync(created.Id, final.DownloadUris, directory.Combine("out"), default);

        Assert.Equal(2, emulator.Stats.RequestCount("PUT", "/uploads/"));
        Assert.Equal(2, emulator.Stats.RequestCount("GET", "/downloads/"));
        Assert.Equal(0, emulator.Stats.AuthorizationHeadersOnAssetRequests);
    }

    [Fact]
    public async Task A_redirect_to_another_host_drops_the_key_and_one_to_the_same_origin_keeps_it()
    {
        await using var server = new RecordingHttpServer();
        using ApiPipeline pipeline = ApiPipeline.Create(new MagicHourClientOptions { ApiKey = TestApi.ApiKey, BaseAddress = server.BaseAddress });

        await TestApi.GetProjectAsync(pipeline, "to-other-host");
        await TestApi.GetProjectAsync(pipeline, "same-host");

        var requests = server.Requests.ToArray();
        Assert.Equal(
            [
                ("127.0.0.1", "/v1/image-projects/to-other-host", true),
                ("localhost", "/v1/image-projects/landed", false),
                ("127.0.0.1", "/v1/image-projects/same-host", true),
                ("127.0.0.1", "/v1/image-projects/landed", true),
            ],
            requests);
    }

    [Fact]
    public async Task With_a_plain_HttpClient_that_follows_redirects_itself_the_key_never_follows()
    {
        await using var server = new RecordingHttpServer();
        using var httpClient = new HttpClient();
        using var pipeline = new ApiPipeline(httpClient, new MagicHourClientOptions { ApiKey = TestApi.ApiKey, BaseAddress = server.BaseAddress });

        TestProject landed = await TestApi.GetProjectAsync(pipeline, "to-other-host");

        Assert.Equal("landed", landed.Id);
        Assert.Equal(("localhost", "/v1/image-projects/landed", false), server.Requests.Last());
    }

    [Theory]
    [InlineData("..", "/v1/image-projects/%2E%2E")]
    [InlineData(".", "/v1/image-projects/%2E")]
    [InlineData("../../v1/files/upload-urls", "/v1/image-projects/..%2F..%2Fv1%2Ffiles%2Fupload-urls")]
    public async Task A_hostile_path_parameter_stays_inside_its_segment(string id, string expectedPath)
    {
        await using var server = new RecordingHttpServer();
        using ApiPipeline pipeline = ApiPipeline.Create(new MagicHourClientOptions { ApiKey = TestApi.ApiKey, BaseAddress = server.BaseAddress });

        await TestApi.GetProjectAsync(pipeline, id);

        Assert.Equal(expectedPath, server.Requests.Single().Path);
    }

    [Fact]
    public void ToString_never_shows_the_key()
    {
        var options = new MagicHourClientOptions { ApiKey = TestApi.ApiKey };
        using ApiPipeline pipeline = ApiPipeline.Create(options);

        Assert.DoesNotContain(TestApi.ApiKey, options.ToString());
        Assert.DoesNotContain(TestApi.ApiKey, pipeline.ToString());
        Assert.Contains("***", pipeline.ToString());
    }
}

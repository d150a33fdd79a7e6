using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MagicHour.Emulator.Tests;

public sealed class FaultTests : EmulatorTestBase
{
    private const string Generator = "/v1/ai-image-generator";
    private const string CreateBody = """{"image_count":1,"style":{"prompt":"x"}}""";

    [Fact]
    public async Task StatusFaultWithRetryAfterHitsTheGivenNumberOfRequests()
    {
        Emulator.Faults.Add(new FaultRule(FaultKind.Status)
        {
            Method = "POST",
            PathPrefix = Generator,
            StatusCode = 429,
            RetryAfter = TimeSpan.FromMilliseconds(1500),
            Times = 2,
        });

        for (int i = 0; i < 2; i++)
        {
            using HttpResponseMessage response = await Client.Http.PostAsync(Generator, ApiClient.Json(CreateBody));
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
            Assert.Equal("Too Many Requests", (await ApiClient.ReadJsonAsync(response)).GetProperty("message").GetString());
        }

        Assert.Equal(0, Emulator.Stats.CreateCount);
        await Client.CreateGeneratorAsync();
        Assert.Equal(1, Emulator.Stats.CreateCount);
        Assert.Equal(3, Emulator.Stats.RequestCount("POST", Generator));
    }

    [Fact]
    public async Task RulesMatchOnMethodAndPathAndCanBeCleared()
    {
        Emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "GET", PathPrefix = "/v1/image-projects/", StatusCode = 500 });
        (string id, _) = await Client.CreateGeneratorAsync(); // POST: not matched
        (HttpStatusCode status, _) = await Client.GetAsync(ApiClient.ProjectPath(id));
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        (status, _) = await Client.GetAsync(ApiClient.ProjectPath(id));
        Assert.Equal(HttpStatusCode.OK, status);

        Emulator.Faults.Add(new FaultRule(FaultKind.Status) { Times = 100 });
        Emulator.Faults.Clear();
        (status, _) = await Client.GetAsync(ApiClient.ProjectPath(id));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task MalformedJsonIsA200ThatDoesNotParse()
    {
        Emulator.Faults.Add(new FaultRule(FaultKind.MalformedJson) { PathPrefix = Generator });
        using HttpResponseMessage response = await Client.Http.PostAsync(Generator, ApiClient.Json(CreateBody));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string text = await response.Content.ReadAsStringAsync();
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
        Assert.Equal(0, Emulator.Stats.CreateCount);
    }

    [Fact]
    public async Task MalformedJsonAfterProcessingTruncatesTheRealAnswer()
    {
        Emulator.Faults.Add(new FaultRule(FaultKind.MalformedJson) { PathPrefix = Generator, AfterProcessing = true });
        using HttpResponseMessage response = await Client.Http.PostAsync(Generator, ApiClient.Json(CreateBody));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("{\"id\":", text);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
        Assert.Equal(1, Emulator.Stats.CreateCount);
    }

    [Fact]
    public async Task DelaySlowsTheResponse()
    {
        Emulator.Faults.Add(new FaultRule(FaultKind.Delay) { PathPrefix = Generator, Delay = TimeSpan.FromMilliseconds(400) });
        var clock = Stopwatch.StartNew();
        await Client.CreateGeneratorAsync();
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(380), clock.Elapsed.ToString());
    }

    [Fact]
    public async Task ACreateWhoseAnswerTimesOutWasStillCharged()
    {
        Emulator.Faults.Add(new FaultRule(FaultKind.Delay) { PathPrefix = Generator, Delay = TimeSpan.FromSeconds(20), AfterProcessing = true });
        using var giveUp = new CancellationTokenSource();
        Task<HttpResponseMessage> call = Client.Http.PostAsync(Generator, ApiClient.Json(CreateBody), giveUp.Token);

        // The client gives up only once the server has done the work, whatever the machine's load: that is the case
        // this fault exists for (charged, but the answer never arrives in time).
        var clock = Stopwatch.StartNew();
        while (Emulator.Stats.CreateCount == 0 && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
        }

        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, Emulator.Stats.CreateCount);
        Assert.Equal(5, Emulator.Stats.CreditsCharged);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public async Task DropConnectionOnAnApiCall(bool afterProcessing, int expectedCreates)
    {
        Emulator.Faults.Add(new FaultRule(FaultKind.DropConnection) { PathPrefix = Generator, AfterProcessing = afterProcessing });
        await Assert.ThrowsAsync<HttpRequestException>(() => Client.Http.PostAsync(Generator, ApiClient.Json(CreateBody)));
        Assert.Equal(expectedCreates, Emulator.Stats.CreateCount);
    }

    [Fact]
    public async Task StatusAfterProcessingStillCreatesTheProject()
    {
        Emulator.Faults.Add(new FaultRule(FaultKind.Status) { PathPrefix = Generator, StatusCode = 503, AfterProcessing = true });
        using HttpResponseMessage response = await Client.Http.PostAsync(Generator, ApiClient.Json(CreateBody));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
        Assert.Equal("Service Unavailable", (await ApiClient.ReadJsonAsync(response)).GetProperty("message").GetString());
        Assert.Equal(1, Emulator.Stats.CreateCount);
    }

    [Fact]
    public async Task DropConnectionOnADownloadSendsHeadersAndAboutHalfTheBody()
    {
        const long size = 4 * 1024 * 1024;
        Emulator.Outcomes.Enqueue(ProjectOutcome.Complete with { DownloadSizeBytes = size });
        (string id, _) = await Client.CreateGeneratorAsync();
        string url = ApiClient.DownloadUrls(await Client.WaitForOutcomeAsync(id))[0];
        Emulator.Faults.Add(new FaultRule(FaultKind.DropConnection) { PathPrefix = "/downloads/" });

        using HttpResponseMessage response = await Client.Assets.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(size, response.Content.Headers.ContentLength);
        await using Stream body = await response.Content.ReadAsStreamAsync();
        long received = 0;
        var buffer = new byte[81920];
        Exception? failure = await Record.ExceptionAsync(async () =>
        {
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                received += read;
            }
        });
        Assert.IsAssignableFrom<IOException>(failure);
        Assert.InRange(received, 1, size - 1);

        // The rule is used up: the retry gets everything.
        Assert.Equal(size, (await Client.Assets.GetByteArrayAsync(url)).LongLength);
    }

    [Fact]
    public async Task DelayAfterProcessingOnADownloadStallsMidBody()
    {
        (string id, _) = await Client.CreateGeneratorAsync();
        string url = ApiClient.DownloadUrls(await Client.WaitForOutcomeAsync(id))[0];
        Emulator.Faults.Add(new FaultRule(FaultKind.Delay) { PathPrefix = "/downloads/", Delay = TimeSpan.FromMilliseconds(300), AfterProcessing = true });
        var clock = Stopwatch.StartNew();
        byte[] png = await Client.Assets.GetByteArrayAsync(url);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(280), clock.Elapsed.ToString());
        PngChecker.AssertDecodable(png);
    }

    [Fact]
    public async Task StatusFaultOnUploads()
    {
        Emulator.Faults.Add(new FaultRule(FaultKind.Status) { Method = "PUT", PathPrefix = "/uploads/", StatusCode = 500 });
        (_, JsonElement body) = await Client.PostAsync("/v1/files/upload-urls", """{"items":[{"type":"image","extension":"png"}]}""");
        string uploadUrl = body.GetProperty("items")[0].GetProperty("upload_url").GetString()!;
        using (HttpResponseMessage first = await Client.Assets.PutAsync(uploadUrl, new ByteArrayContent([1])))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        }

        Assert.Equal(0, Emulator.Stats.UploadCount);
        using HttpResponseMessage second = await Client.Assets.PutAsync(uploadUrl, new ByteArrayContent([1]));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, Emulator.Stats.UploadCount);
    }
}

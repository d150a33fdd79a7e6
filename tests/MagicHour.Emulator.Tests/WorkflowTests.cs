using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MagicHour.Emulator.Tests;

public sealed class WorkflowTests : EmulatorTestBase
{
    [Fact]
    public async Task UploadEditPollAndDownloadADecodablePng()
    {
        string filePath = await Client.UploadAsync([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        Assert.Matches(@"^api-assets/[a-z0-9]+/0\.png$", filePath);
        Assert.Equal(1, Emulator.Stats.UploadCount);

        (HttpStatusCode status, JsonElement created) = await Client.PostAsync(
            "/v1/ai-image-editor",
            $$$"""{"name":"shades","aspect_ratio":"16:9","style":{"prompt":"Give me sunglasses"},"assets":{"image_file_path":"{{{filePath}}}"}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        string id = created.GetProperty("id").GetString()!;
        Assert.Equal(50, created.GetProperty("credits_charged").GetInt64()); // default editor model: nano-banana

        JsonElement project = await Client.WaitForOutcomeAsync(id);
        Assert.Equal("complete", project.GetProperty("status").GetString());
        Assert.Equal(id, project.GetProperty("id").GetString());
        Assert.Equal("shades", project.GetProperty("name").GetString());
        Assert.Equal("AI_IMAGE_EDITOR", project.GetProperty("type").GetString());
        Assert.Equal(1, project.GetProperty("image_count").GetInt32());
        Assert.True(project.GetProperty("enabled").GetBoolean());
        Assert.Equal(50, project.GetProperty("credits_charged").GetInt64());
        Assert.Equal(JsonValueKind.Null, project.GetProperty("error").ValueKind);
        Assert.True(DateTimeOffset.TryParse(project.GetProperty("created_at").GetString(), out _));
        JsonElement download = project.GetProperty("downloads")[0];
        Assert.True(DateTimeOffset.Parse(download.GetProperty("expires_at").GetString()!) > DateTimeOffset.UtcNow);

        using HttpResponseMessage response = await Client.Assets.GetAsync(download.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        (int width, int height) = PngChecker.AssertDecodable(await response.Content.ReadAsByteArrayAsync());
        Assert.True(width > height, "16:9 output is landscape");
        Assert.Equal(0, Emulator.Stats.AuthorizationHeadersOnAssetRequests);
    }

    [Fact]
    public async Task StatusFollowsTheTimeSinceCreation()
    {
        TimeSpan queued = TimeSpan.FromMilliseconds(300), rendering = TimeSpan.FromMilliseconds(300);
        TimeSpan slack = TimeSpan.FromMilliseconds(30);
        await using MagicHourEmulator slow = await MagicHourEmulator.StartAsync(new EmulatorOptions
        {
            QueuedDuration = queued,
            RenderingDuration = rendering,
        });
        using var client = new ApiClient(slow);
        (string id, _) = await client.CreateGeneratorAsync();

        // The machine may be busy, so each answer is checked against the time window in which the
        // server produced it rather than expecting every status to be seen.
        var seen = new List<string>();
        while (seen.Count == 0 || seen[^1] != "complete")
        {
            DateTimeOffset sent = DateTimeOffset.UtcNow;
            (_, JsonElement project) = await client.GetAsync(ApiClient.ProjectPath(id));
            DateTimeOffset received = DateTimeOffset.UtcNow;
            DateTimeOffset createdAt = DateTimeOffset.Parse(project.GetProperty("created_at").GetString()!);
            string status = project.GetProperty("status").GetString()!;
            TimeSpan earliest = sent - createdAt - slack, latest = received - createdAt + slack;
            bool plausible = status switch
            {
                "queued" => earliest < queued,
                "rendering" => latest >= queued && earliest < queued + rendering,
                "complete" => latest >= queued + rendering,
                _ => false,
            };
            Assert.True(plausible, $"{status} between {earliest.TotalMilliseconds} and {latest.TotalMilliseconds} ms");
            Assert.Equal(status == "complete", project.GetProperty("downloads").GetArrayLength() > 0);
            if (seen.Count == 0 || seen[^1] != status)
            {
                seen.Add(status);
            }

            await Task.Delay(30);
        }

        string[] order = ["queued", "rendering", "complete"];
        Assert.Equal(seen.OrderBy(status => Array.IndexOf(order, status)), seen);
    }

    [Fact]
    public async Task GeneratorMakesOneDistinctPngPerImage()
    {
        (string id, long credits) = await Client.CreateGeneratorAsync("mountains at dawn", 4, "z-image-turbo");
        Assert.Equal(20, credits);
        JsonElement project = await Client.WaitForOutcomeAsync(id);
        Assert.Equal("AI_IMAGE", project.GetProperty("type").GetString());
        List<string> urls = ApiClient.DownloadUrls(project);
        Assert.Equal(4, urls.Count);
        var images = new List<byte[]>();
        foreach (string url in urls)
        {
            byte[] png = await Client.Assets.GetByteArrayAsync(url);
            Assert.Equal((192, 192), PngChecker.AssertDecodable(png));
            images.Add(png);
        }

        Assert.Equal(4, images.Select(Convert.ToBase64String).Distinct().Count());
    }

    [Theory]
    [InlineData("/v1/ai-image-generator", null, 1, 5)]          // default generator model: flux-schnell
    [InlineData("/v1/ai-image-generator", "default", 3, 15)]
    [InlineData("/v1/ai-image-generator", "seedream-v4", 2, 80)]
    [InlineData("/v1/ai-image-generator", "seedream", 1, 40)]  // deprecated, maps to seedream-v4
    [InlineData("/v1/ai-image-generator", "nano-banana-pro", 16, 2400)]
    [InlineData("/v1/ai-image-generator", "gpt-image-2", 4, 200)]
    [InlineData("/v1/ai-image-editor", null, 1, 50)]            // default editor model: nano-banana
    [InlineData("/v1/ai-image-editor", "qwen-edit", 1, 10)]
    [InlineData("/v1/ai-image-editor", "nano-banana-pro", 9, 1350)]
    [InlineData("/v1/ai-image-editor", "seedream-v4.5", 1, 100)]
    public async Task CreditsFollowTheModelInfo(string path, string? model, int imageCount, long expectedCredits)
    {
        string modelJson = model is null ? "" : $"\"model\":\"{model}\",";
        string body = path.EndsWith("editor", StringComparison.Ordinal)
            ? $$$"""{{{{modelJson}}}"image_count":{{{imageCount}}},"style":{"prompt":"x"},"assets":{"image_file_path":"https://example.com/in.png"}}"""
            : $$$"""{{{{modelJson}}}"image_count":{{{imageCount}}},"style":{"prompt":"x"}}""";
        (HttpStatusCode status, JsonElement created) = await Client.PostAsync(path, body);
        Assert.True(status == HttpStatusCode.OK, created.ToString());
        Assert.Equal(expectedCredits, created.GetProperty("credits_charged").GetInt64());
        Assert.Equal(expectedCredits, Emulator.Stats.CreditsCharged);
        Assert.Equal(1, Emulator.Stats.CreateCount);
    }

    [Fact]
    public async Task UnknownProjectIs404()
    {
        (HttpStatusCode status, JsonElement body) = await Client.GetAsync("/v1/image-projects/does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Not Found", body.GetProperty("message").GetString());

        using HttpResponseMessage delete = await Client.Http.DeleteAsync("/v1/image-projects/does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    [Fact]
    public async Task DeleteDisablesTheProjectAndItsDownloads()
    {
        (string id, _) = await Client.CreateGeneratorAsync();
        JsonElement project = await Client.WaitForOutcomeAsync(id);
        string url = ApiClient.DownloadUrls(project).Single();

        using HttpResponseMessage delete = await Client.Http.DeleteAsync(ApiClient.ProjectPath(id));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        (_, project) = await Client.GetAsync(ApiClient.ProjectPath(id));
        Assert.False(project.GetProperty("enabled").GetBoolean());
        Assert.Equal(0, project.GetProperty("downloads").GetArrayLength());
        using HttpResponseMessage download = await Client.Assets.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }

    [Fact]
    public async Task PreSignedUrlsRejectAMissingOrWrongSignature()
    {
        (HttpStatusCode status, JsonElement body) = await Client.PostAsync("/v1/files/upload-urls", """{"items":[{"type":"image","extension":"jpg"}]}""");
        Assert.Equal(HttpStatusCode.OK, status);
        string uploadUrl = body.GetProperty("items")[0].GetProperty("upload_url").GetString()!;
        string unsigned = uploadUrl[..uploadUrl.IndexOf('?')];
        using (HttpResponseMessage put = await Client.Assets.PutAsync(unsigned, new ByteArrayContent([1])))
        {
            Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        }

        using (HttpResponseMessage put = await Client.Assets.PutAsync(unsigned + "?sig=forged", new ByteArrayContent([1])))
        {
            Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        }

        Assert.Equal(0, Emulator.Stats.UploadCount);

        (string id, _) = await Client.CreateGeneratorAsync();
        string downloadUrl = ApiClient.DownloadUrls(await Client.WaitForOutcomeAsync(id)).Single();
        using HttpResponseMessage get = await Client.Assets.GetAsync(downloadUrl[..downloadUrl.IndexOf('?')] + "?sig=forged");
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
    }

    [Fact]
    public async Task ErrorOutcomeRefundsTheCredits()
    {
        // Queued long enough that the charge is still there when it is checked, however loaded the machine is.
        await using MagicHourEmulator emulator = await MagicHourEmulator.StartAsync(new EmulatorOptions { QueuedDuration = TimeSpan.FromSeconds(2), RenderingDuration = TimeSpan.FromMilliseconds(50) });
        using var client = new ApiClient(emulator);
        emulator.Outcomes.Enqueue(ProjectOutcome.Error("no_source_face", "Please use an image with a detectable face"));
        (string id, long credits) = await client.CreateGeneratorAsync(imageCount: 2);
        Assert.Equal(10, credits);
        Assert.Equal(10, emulator.Stats.CreditsCharged);

        JsonElement project = await client.WaitForOutcomeAsync(id, TimeSpan.FromSeconds(30));
        Assert.Equal("error", project.GetProperty("status").GetString());
        Assert.Equal(0, project.GetProperty("credits_charged").GetInt64());
        Assert.Equal("no_source_face", project.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("Please use an image with a detectable face", project.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(0, project.GetProperty("downloads").GetArrayLength());
        Assert.Equal(0, emulator.Stats.CreditsCharged);
        Assert.Equal(1, emulator.Stats.CreateCount);

        // The queue is used up: the next project completes.
        (string next, _) = await client.CreateGeneratorAsync();
        Assert.Equal("complete", (await client.WaitForOutcomeAsync(next, TimeSpan.FromSeconds(30))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task OtherOutcomes()
    {
        Emulator.Outcomes.Enqueue(ProjectOutcome.Canceled);
        Emulator.Outcomes.Enqueue(ProjectOutcome.Deleted);
        Emulator.Outcomes.Enqueue(ProjectOutcome.StuckIn("paused"));
        (string canceled, _) = await Client.CreateGeneratorAsync();
        (string deleted, _) = await Client.CreateGeneratorAsync();
        (string stuck, _) = await Client.CreateGeneratorAsync();

        JsonElement project = await Client.WaitForOutcomeAsync(canceled);
        Assert.Equal("canceled", project.GetProperty("status").GetString());
        Assert.Equal(0, project.GetProperty("downloads").GetArrayLength());

        project = await Client.WaitForOutcomeAsync(deleted);
        Assert.Equal("complete", project.GetProperty("status").GetString());
        Assert.False(project.GetProperty("enabled").GetBoolean());
        Assert.Equal(0, project.GetProperty("downloads").GetArrayLength());

        await Task.Delay(200);
        (_, project) = await Client.GetAsync(ApiClient.ProjectPath(stuck));
        Assert.Equal("paused", project.GetProperty("status").GetString());
    }

    [Fact]
    public async Task HostileIdsAndDownloadNamesAreServedAsGiven()
    {
        Emulator.Outcomes.Enqueue(ProjectOutcome.Complete with
        {
            ProjectId = "../../x",
            DownloadNames = ["..%2F..%2Fevil.png", "a b?.png"],
        });
        (string id, _) = await Client.CreateGeneratorAsync(imageCount: 2);
        Assert.Equal("../../x", id);

        JsonElement project = await Client.WaitForOutcomeAsync(id);
        List<string> urls = ApiClient.DownloadUrls(project);
        Assert.EndsWith("/downloads/..%2F..%2Fx/..%2F..%2Fevil.png?sig=", urls[0][..(urls[0].IndexOf("sig=", StringComparison.Ordinal) + 4)]);
        Assert.Contains("/a b?.png?sig=", urls[1], StringComparison.Ordinal);
        foreach (string url in urls)
        {
            PngChecker.AssertDecodable(await Client.Assets.GetByteArrayAsync(url));
        }
    }

    [Fact]
    public async Task DownloadSizeBytesStreamsExactlyThatMany()
    {
        const long size = 8 * 1024 * 1024 + 123;
        Emulator.Outcomes.Enqueue(ProjectOutcome.Complete with { DownloadSizeBytes = size });
        (string id, _) = await Client.CreateGeneratorAsync();
        string url = ApiClient.DownloadUrls(await Client.WaitForOutcomeAsync(id)).Single();

        using HttpResponseMessage response = await Client.Assets.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(size, response.Content.Headers.ContentLength);
        await using System.IO.Stream body = await response.Content.ReadAsStreamAsync();
        byte[] buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        Assert.Equal(size, total);
    }

    [Fact]
    public async Task AssetHostNamesTheAssetUrlsAndStatsSpotLeakedKeys()
    {
        await using MagicHourEmulator emulator = await MagicHourEmulator.StartAsync(new EmulatorOptions
        {
            AssetHost = "localhost",
            QueuedDuration = TimeSpan.Zero,
            RenderingDuration = TimeSpan.Zero,
        });
        using var client = new ApiClient(emulator);
        (HttpStatusCode status, JsonElement body) = await client.PostAsync("/v1/files/upload-urls", """{"items":[{"type":"image","extension":"png"}]}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var uploadUrl = new Uri(body.GetProperty("items")[0].GetProperty("upload_url").GetString()!);
        Assert.Equal("localhost", uploadUrl.Host);
        Assert.Equal(emulator.BaseAddress.Port, uploadUrl.Port);

        // A careless client that sends its key along to the asset host.
        using var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new ByteArrayContent([1, 2]) };
        request.Headers.Authorization = client.Http.DefaultRequestHeaders.Authorization;
        using HttpResponseMessage put = await client.Assets.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(1, emulator.Stats.AuthorizationHeadersOnAssetRequests);
        Assert.Equal(1, emulator.Stats.UploadCount);

        (string id, _) = await client.CreateGeneratorAsync();
        string downloadUrl = ApiClient.DownloadUrls(await client.WaitForOutcomeAsync(id)).Single();
        Assert.StartsWith($"http://localhost:{emulator.BaseAddress.Port}/downloads/", downloadUrl);
        PngChecker.AssertDecodable(await client.Assets.GetByteArrayAsync(downloadUrl));
        Assert.Equal(1, emulator.Stats.AuthorizationHeadersOnAssetRequests);
    }
}

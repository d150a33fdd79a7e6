using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MagicHour.Emulator.Tests;

public sealed class ConcurrencyTests : EmulatorTestBase
{
    [Fact]
    public async Task FiftyParallelWorkflows()
    {
        const int workflows = 50;
        string[] ids = await Task.WhenAll(Enumerable.Range(0, workflows).Select(async i =>
        {
            string filePath = await Client.UploadAsync(BitConverter.GetBytes(i));
            (HttpStatusCode status, JsonElement created) = await Client.PostAsync(
                "/v1/ai-image-editor",
                $$$"""{"style":{"prompt":"edit {{{i}}}"},"assets":{"image_file_paths":["{{{filePath}}}"]}}""");
            Assert.Equal(HttpStatusCode.OK, status);
            string id = created.GetProperty("id").GetString()!;
            JsonElement project = await Client.WaitForOutcomeAsync(id);
            Assert.Equal("complete", project.GetProperty("status").GetString());
            PngChecker.AssertDecodable(await Client.Assets.GetByteArrayAsync(ApiClient.DownloadUrls(project)[0]));
            return id;
        }));

        Assert.Equal(workflows, ids.Distinct().Count());
        Assert.Equal(workflows, Emulator.Stats.CreateCount);
        Assert.Equal(workflows, Emulator.Stats.UploadCount);
        Assert.Equal(workflows * 50L, Emulator.Stats.CreditsCharged);
        Assert.Equal(workflows, Emulator.Stats.RequestCount("POST", "/v1/files/upload-urls"));
        Assert.Equal(workflows, Emulator.Stats.RequestCount("PUT", "/uploads/"));
        Assert.Equal(workflows, Emulator.Stats.RequestCount("GET", "/downloads/"));
        Assert.True(Emulator.Stats.RequestCount("GET", "/v1/image-projects/") >= workflows);
        Assert.Equal(0, Emulator.Stats.AuthorizationHeadersOnAssetRequests);
    }

    [Fact]
    public async Task ParallelFaultRulesAreUsedExactlyTheirTimes()
    {
        Emulator.Faults.Add(new FaultRule(FaultKind.Status) { PathPrefix = "/v1/ai-image-generator", StatusCode = 503, Times = 20 });
        HttpStatusCode[] statuses = await Task.WhenAll(Enumerable.Range(0, 60).Select(async _ =>
        {
            using HttpResponseMessage response = await Client.Http.PostAsync(
                "/v1/ai-image-generator", ApiClient.Json("""{"image_count":1,"style":{"prompt":"x"}}"""));
            return response.StatusCode;
        }));

        Assert.Equal(20, statuses.Count(status => status == HttpStatusCode.ServiceUnavailable));
        Assert.Equal(40, statuses.Count(status => status == HttpStatusCode.OK));
        Assert.Equal(40, Emulator.Stats.CreateCount);
        Assert.Equal(60, Emulator.Stats.RequestCount("*", "/v1/"));
    }
}

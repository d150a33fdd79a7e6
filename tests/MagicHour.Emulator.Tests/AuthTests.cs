using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MagicHour.Emulator.Tests;

public sealed class AuthTests : EmulatorTestBase
{
    protected override EmulatorOptions CreateOptions() => new() { RequiredApiKey = ApiClient.ApiKey };

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Basic dGVzdC1rZXk6")]
    [InlineData("Bearer wrong-key")]
    public async Task V1CallsWithoutTheRightBearerTokenAre401(string? authorization)
    {
        using var http = new HttpClient { BaseAddress = Emulator.BaseAddress };
        foreach ((HttpMethod method, string path) in new[]
        {
            (HttpMethod.Post, "/v1/ai-image-generator"),
            (HttpMethod.Post, "/v1/ai-image-editor"),
            (HttpMethod.Post, "/v1/files/upload-urls"),
            (HttpMethod.Get, "/v1/image-projects/anything"),
            (HttpMethod.Delete, "/v1/image-projects/anything"),
        })
        {
            using var request = new HttpRequestMessage(method, path) { Content = method == HttpMethod.Post ? ApiClient.Json("{}") : null };
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using HttpResponseMessage response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            JsonElement body = await ApiClient.ReadJsonAsync(response);
            Assert.Equal("Unauthorized", body.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task TheRequiredKeyIsAccepted()
    {
        (HttpStatusCode status, _) = await Client.PostAsync("/v1/ai-image-generator", """{"image_count":1,"style":{"prompt":"x"}}""");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task AnyTokenIsAcceptedWhenNoKeyIsRequired()
    {
        await using MagicHourEmulator open = await MagicHourEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = open.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Guid.NewGuid().ToString());
        using HttpResponseMessage response = await http.GetAsync("/v1/image-projects/unknown");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not Found", (await ApiClient.ReadJsonAsync(response)).GetProperty("message").GetString());
    }
}

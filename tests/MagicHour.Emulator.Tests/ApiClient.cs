using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MagicHour.Emulator.Tests;

/// <summary>A plain HttpClient speaking to an emulator, with helpers for the common steps.</summary>
internal sealed class ApiClient : IDisposable
{
    public const string ApiKey = "test-key";

    public ApiClient(MagicHourEmulator emulator, string? apiKey = ApiKey)
    {
        Emulator = emulator;
        Http = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        // Asset URLs are pre-signed and must be fetched without the API key.
        Assets = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    public MagicHourEmulator Emulator { get; }

    public HttpClient Http { get; }

    public HttpClient Assets { get; }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, string json)
    {
        using HttpResponseMessage response = await Http.PostAsync(path, Json(json));
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using HttpResponseMessage response = await Http.GetAsync(path);
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0)
        {
            return default;
        }

        using JsonDocument document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asks for one upload URL, PUTs the bytes and returns the file_path.</summary>
    public async Task<string> UploadAsync(byte[] content, string extension = "png", string type = "image")
    {
        (HttpStatusCode status, JsonElement body) = await PostAsync(
            "/v1/files/upload-urls", $$$"""{"items":[{"type":"{{{type}}}","extension":"{{{extension}}}"}]}""");
        Assert.Equal(HttpStatusCode.OK, status);
        JsonElement item = body.GetProperty("items")[0];
        using HttpResponseMessage put = await Assets.PutAsync(item.GetProperty("upload_url").GetString(), new ByteArrayContent(content));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return item.GetProperty("file_path").GetString()!;
    }

    public async Task<(string Id, long Credits)> CreateGeneratorAsync(string prompt = "a red fox", int imageCount = 1, string? model = null)
    {
        string modelJson = model is null ? "" : $$$""","model":"{{{model}}}" """;
        (HttpStatusCode status, JsonElement body) = await PostAsync(
            "/v1/ai-image-generator", $$$"""{"image_count":{{{imageCount}}},"style":{"prompt":"{{{prompt}}}"}{{{modelJson}}}}""");
        Assert.True(status == HttpStatusCode.OK, $"{status}: {body}");
        return (body.GetProperty("id").GetString()!, body.GetProperty("credits_charged").GetInt64());
    }

    public static string ProjectPath(string id) => "/v1/image-projects/" + Uri.EscapeDataString(id);

    /// <summary>Polls until the project leaves queued/rendering, and returns its last details.</summary>
    public async Task<JsonElement> WaitForOutcomeAsync(string id, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            (HttpStatusCode status, JsonElement body) = await GetAsync(ProjectPath(id));
            Assert.Equal(HttpStatusCode.OK, status);
            string projectStatus = body.GetProperty("status").GetString()!;
            if (projectStatus is not ("queued" or "rendering"))
            {
                return body;
            }

            Assert.True(clock.Elapsed < (timeout ?? TimeSpan.FromSeconds(10)), $"Project {id} is still {projectStatus}.");
            await Task.Delay(25);
        }
    }

    public static List<string> DownloadUrls(JsonElement project)
    {
        var urls = new List<string>();
        foreach (JsonElement download in project.GetProperty("downloads").EnumerateArray())
        {
            urls.Add(download.GetProperty("url").GetString()!);
        }

        return urls;
    }

    public void Dispose()
    {
        Http.Dispose();
        Assets.Dispose();
    }
}

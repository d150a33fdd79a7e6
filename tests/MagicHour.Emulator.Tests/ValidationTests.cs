using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MagicHour.Emulator.Tests;

public sealed class ValidationTests : EmulatorTestBase
{
    private const string Generator = "/v1/ai-image-generator";
    private const string Editor = "/v1/ai-image-editor";
    private const string UploadUrls = "/v1/files/upload-urls";
    private const string Url = "https://example.com/a.png";

    [Theory]
    [InlineData(Generator, "", 400, "Missing request body")]
    [InlineData(Generator, "{\"image_count\": 1,", 400, "Invalid JSON")]
    [InlineData(Editor, "not json", 400, "Invalid JSON")]
    [InlineData(Generator, "[]", 422, "body: must be an object")]
    [InlineData(Generator, """{"style":{"prompt":"x"}}""", 422, "image_count: is required")]
    [InlineData(Generator, """{"image_count":1}""", 422, "style: is required")]
    [InlineData(Generator, """{"image_count":1,"style":{}}""", 422, "style.prompt: is required")]
    [InlineData(Generator, """{"image_count":"1","style":{"prompt":"x"}}""", 422, "image_count: must be an integer")]
    [InlineData(Generator, """{"image_count":1.5,"style":{"prompt":"x"}}""", 422, "image_count: must be an integer")]
    [InlineData(Generator, """{"image_count":0,"style":{"prompt":"x"}}""", 422, "image_count: must be at least 1")]
    [InlineData(Generator, """{"image_count":17,"style":{"prompt":"x"}}""", 422, "image_count: must be at most 16")]
    [InlineData(Generator, """{"image_count":1,"style":{"prompt":""}}""", 422, "style.prompt: must be at least 1 character")]
    [InlineData(Generator, """{"image_count":1,"style":{"prompt":42}}""", 422, "style.prompt: must be a string")]
    [InlineData(Generator, """{"image_count":1,"style":{"prompt":"x","tool":"crayons"}}""", 422, "style.tool: must be one of")]
    [InlineData(Generator, """{"image_count":1,"model":"dall-e","style":{"prompt":"x"}}""", 422, "model: must be one of")]
    [InlineData(Generator, """{"image_count":1,"aspect_ratio":"4:3","style":{"prompt":"x"}}""", 422, "aspect_ratio: must be one of")]
    [InlineData(Generator, """{"image_count":9,"style":{"prompt":"x"}}""", 422, "image_count: model 'flux-schnell' allows")]
    [InlineData(Generator, """{"image_count":2,"model":"nano-banana-pro","style":{"prompt":"x"}}""", 422, "image_count: model 'nano-banana-pro'")]
    [InlineData(Generator, """{"image_count":1,"model":"flux-schnell","resolution":"4k","style":{"prompt":"x"}}""", 422, "resolution:")]
    [InlineData(Editor, """{"style":{"prompt":"x"}}""", 422, "assets: is required")]
    [InlineData(Editor, """{"style":{"prompt":"x"},"assets":{}}""", 422, "assets: image_file_path or image_file_paths is required")]
    [InlineData(Editor, """{"style":{"prompt":"x"},"assets":{"image_file_path":""}}""", 422, "assets.image_file_path: must be at least 1 character")]
    [InlineData(Editor, """{"style":{"prompt":"x"},"assets":{"image_file_paths":[1]}}""", 422, "assets.image_file_paths[0]: must be a string")]
    [InlineData(Editor, """{"style":{"prompt":"x"},"assets":{"image_file_path":"api-assets/nope/0.png"}}""", 422, "assets.image_file_path: 'api-assets/nope/0.png' is neither")]
    [InlineData(Editor, """{"style":{"prompt":"x"},"assets":{"image_file_path":"ftp://example.com/a.png"}}""", 422, "assets.image_file_path:")]
    [InlineData(Editor, """{"image_count":4,"style":{"prompt":"x"},"assets":{"image_file_path":"https://example.com/a.png"}}""", 422, "image_count: model 'nano-banana'")]
    [InlineData(Editor, """{"image_count":3,"style":{"prompt":"x"},"assets":{"image_file_path":"https://example.com/a.png"}}""", 422, "image_count: must be one of 1, 4, 9, 16")]
    [InlineData(UploadUrls, """{}""", 422, "items: is required")]
    [InlineData(UploadUrls, """{"items":[]}""", 422, "items: must have at least 1 item")]
    [InlineData(UploadUrls, """{"items":[{"type":"doc","extension":"png"}]}""", 422, "items[0].type: must be one of")]
    [InlineData(UploadUrls, """{"items":[{"type":"image","extension":"PNG"}]}""", 422, "items[0].extension: must match the pattern")]
    [InlineData(UploadUrls, """{"items":[{"type":"image","extension":"png"},{"type":"image","extension":"mp4"}]}""", 422, "items[1].extension: 'mp4' is an invalid image extension")]
    public async Task BadBodiesGetAJsonMessageNamingTheProblem(string path, string body, int expectedStatus, string expectedMessage)
    {
        (HttpStatusCode status, JsonElement response) = await Client.PostAsync(path, body);
        Assert.Equal(expectedStatus, (int)status);
        Assert.Contains(expectedMessage, response.GetProperty("message").GetString());
        Assert.Equal(0, Emulator.Stats.CreateCount);
    }

    [Fact]
    public async Task PromptLongerThanMaxLengthIs422()
    {
        string prompt = new('a', 15001);
        (HttpStatusCode status, JsonElement body) = await Client.PostAsync(
            Editor, $$$"""{"style":{"prompt":"{{{prompt}}}"},"assets":{"image_file_path":"{{{Url}}}"}}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("style.prompt: must be at most 15000 characters", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task TooManyImagesAre422()
    {
        string paths = string.Join(",", System.Linq.Enumerable.Repeat($"\"{Url}\"", 11));
        (HttpStatusCode status, JsonElement body) = await Client.PostAsync(
            Editor, $$$"""{"style":{"prompt":"x"},"assets":{"image_file_paths":[{{{paths}}}]}}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("assets.image_file_paths: must have at most 10 items", body.GetProperty("message").GetString());

        // qwen-edit takes at most 2 additional images (x-model-info max_additional_images).
        string four = string.Join(",", System.Linq.Enumerable.Repeat($"\"{Url}\"", 4));
        (status, body) = await Client.PostAsync(
            Editor, $$$"""{"model":"qwen-edit","style":{"prompt":"x"},"assets":{"image_file_paths":[{{{four}}}]}}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("at most 2 additional images", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AFilePathNeedsItsUploadAndAnImageType()
    {
        (HttpStatusCode status, JsonElement body) = await Client.PostAsync(UploadUrls, """{"items":[{"type":"image","extension":"png"}]}""");
        Assert.Equal(HttpStatusCode.OK, status);
        string filePath = body.GetProperty("items")[0].GetProperty("file_path").GetString()!;

        (status, body) = await Client.PostAsync(Editor, $$$"""{"style":{"prompt":"x"},"assets":{"image_file_path":"{{{filePath}}}"}}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("nothing was uploaded", body.GetProperty("message").GetString());

        string video = await Client.UploadAsync([1, 2, 3], "mp4", "video");
        (status, body) = await Client.PostAsync(Editor, $$$"""{"style":{"prompt":"x"},"assets":{"image_file_path":"{{{video}}}"}}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("not an image", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task UnknownRoutesAndMethods()
    {
        (HttpStatusCode status, JsonElement body) = await Client.PostAsync("/v1/ai-video-generator", "{}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Not Found", body.GetProperty("message").GetString());

        (status, _) = await Client.GetAsync(Generator);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using MagicHour.Codegen.Tests.Infrastructure;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>The generated converters read the spec's examples and write back equivalent JSON, tolerating what they don't know.</summary>
public class RoundTripTests
{
    private static Assembly Client => CompiledClient.OurSpec;

    /// <summary>Every example in the spec that sits on a request or success-response schema, with the type it maps to.</summary>
    public static IEnumerable<object[]> Examples()
    {
        using JsonDocument spec = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Spec));
        var cases = new (string Path, string Method, string Where, string Type)[]
        {
            ("/v1/ai-image-editor", "post", "request", "AiImageEditorCreateRequest"),
            ("/v1/ai-image-generator", "post", "request", "AiImageGeneratorCreateRequest"),
            ("/v1/files/upload-urls", "post", "request", "FilesUploadUrlsCreateRequest"),
            ("/v1/files/upload-urls", "post", "response", "FilesUploadUrlsCreateResponse"),
            ("/v1/image-projects/{id}", "get", "response", "ImageProjectsGetResponse"),
        };
        foreach ((string path, string method, string where, string type) in cases)
        {
            JsonElement operation = spec.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);
            JsonElement content = where == "request"
                ? operation.GetProperty("requestBody").GetProperty("content")
                : operation.GetProperty("responses").GetProperty("200").GetProperty("content");
            JsonElement example = content.GetProperty("application/json").GetProperty("schema").GetProperty("example");
            yield return new object[] { type, example.GetRawText() };
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Spec_examples_round_trip(string typeName, string json)
    {
        Type type = Client.Type(typeName);
        object value = JsonSerializer.Deserialize(json, type)!;
        string written = JsonSerializer.Serialize(value, type);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), $"expected {json}\nwritten  {written}");
    }

    [Fact]
    public void Wire_values_round_trip_exactly()
    {
        Type type = Client.Type("AiImageEditorCreateRequest");
        const string json = """{"aspect_ratio":"16:9","model":"seedream-v4.5","style":{"prompt":"p"},"assets":{"image_file_path":"a.png"}}""";
        object value = JsonSerializer.Deserialize(json, type)!;
        object aspect = type.GetProperty("AspectRatio")!.GetValue(value)!;
        Assert.Equal("16:9", aspect.ToString());
        Assert.Equal(Client.Type("AiImageEditorCreateRequestAspectRatio").GetField("Ratio16x9")!.GetValue(null), aspect);
        string written = JsonSerializer.Serialize(value, type);
        Assert.Contains("\"aspect_ratio\":\"16:9\"", written);
        Assert.Contains("\"model\":\"seedream-v4.5\"", written);
    }

    [Fact]
    public void A_record_prints_the_json_it_writes_including_nested_lists()
    {
        Type type = Client.Type("ImageProjectsGetResponse");
        const string json = """
            {"id":"p1","name":null,"status":"complete","image_count":1,"type":"AI_IMAGE","created_at":"2026-01-02T03:04:05Z",
             "enabled":true,"credits_charged":5,"downloads":[{"url":"https://files.example/o.png","expires_at":"2026-01-03T00:00:00Z"}],"error":null}
            """;
        object value = JsonSerializer.Deserialize(json, type)!;
        string written = JsonSerializer.Serialize(value, type);
        Assert.Equal("ImageProjectsGetResponse { " + written[1..^1] + " }", value.ToString());
        Assert.Contains("\"downloads\":[{\"url\":\"https://files.example/o.png\"", value.ToString());

        // Nothing set (a reflection-made instance skips the required members): nothing to print, as C# prints it.
        object empty = Activator.CreateInstance(Client.Type("AiImageEditorCreateRequestStyle"))!;
        Assert.Equal("AiImageEditorCreateRequestStyle { }", empty.ToString());
    }

    [Fact]
    public void A_record_holding_what_json_cannot_hold_still_prints()
    {
        Type type = Client.Type("AiImageEditorCreateRequest");
        const string json = """{"aspect_ratio":"16:9","model":"default","style":{"prompt":"p"},"assets":{"image_file_path":"a.png"}}""";
        object value = JsonSerializer.Deserialize(json, type)!;
        type.GetProperty("ImageCount")!.SetValue(value, double.NaN);

        string printed = value.ToString()!;
        Assert.StartsWith("AiImageEditorCreateRequest { (not printable as JSON: ", printed);
        Assert.EndsWith(") }", printed);
    }

    [Fact]
    public void An_unknown_enum_value_is_kept_not_rejected_or_guessed()
    {
        Type type = Client.Type("ImageProjectsGetResponse");
        const string json = """
            {"id":"p1","name":null,"status":"paused","image_count":1,"type":"AI_IMAGE","created_at":"2026-01-02T03:04:05Z",
             "enabled":true,"credits_charged":5,"downloads":[],"error":null}
            """;
        object value = JsonSerializer.Deserialize(json, type)!;
        object status = type.GetProperty("Status")!.GetValue(value)!;
        Assert.Equal("paused", status.ToString());
        Assert.False((bool)status.GetType().GetProperty("IsKnown")!.GetValue(status)!);
        foreach (string known in new[] { "Complete", "Canceled", "Error" })
        {
            Assert.NotEqual(status.GetType().GetField(known)!.GetValue(null), status);
        }

        Assert.Contains("\"status\":\"paused\"", JsonSerializer.Serialize(value, type));
    }

    [Fact]
    public void Unknown_properties_are_skipped()
    {
        Type type = Client.Type("AiImageEditorCreateResponse");
        const string json = """{"extra":{"deep":[1,{"x":[]}]},"id":"abc","later":"value","credits_charged":50,"tail":null}""";
        object value = JsonSerializer.Deserialize(json, type)!;
        Assert.Equal("abc", type.GetProperty("Id")!.GetValue(value));
        Assert.Equal(50, type.GetProperty("CreditsCharged")!.GetValue(value));
    }

    [Theory]
    [InlineData("""{"credits_charged":50}""", "no \"id\" property")]
    [InlineData("""{"id":null,"credits_charged":50}""", "\"id\" property")]
    [InlineData("""{"id":"abc","credits_charged":"fifty"}""", "Expected an integer but found a string")]
    [InlineData("""[1,2]""", "Expected an object")]
    public void Json_that_breaks_the_contract_fails_with_a_clear_JsonException(string json, string expected)
    {
        Type type = Client.Type("AiImageEditorCreateResponse");
        JsonException error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, type));
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("""{"image_count":1,"style":{"tool":"x"}}""", "The JSON for AiImageGeneratorCreateRequestStyle has no \"prompt\" property")]
    [InlineData("""{"style":{"prompt":"cat"},"image_count":null}""", "The JSON for AiImageGeneratorCreateRequest has no \"image_count\" property")]
    [InlineData("""{"style":{"prompt":"cat","extra":{"a":{}}}}""", "The JSON for AiImageGeneratorCreateRequest has no \"image_count\" property")]
    public void A_missing_required_property_names_its_own_type_after_nested_objects(string json, string expected)
    {
        // The reader names the type of the object just read, not the last one it started inside it.
        Type type = Client.Type("AiImageGeneratorCreateRequest");
        JsonException error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, type));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Optional_values_are_left_out_and_required_nullable_ones_written_as_null()
    {
        Type request = Client.Type("AiImageGeneratorCreateRequest");
        object value = JsonSerializer.Deserialize("""{"image_count":2,"style":{"prompt":"cat"}}""", request)!;
        Assert.Equal("""{"image_count":2,"style":{"prompt":"cat"}}""", JsonSerializer.Serialize(value, request));

        Type project = Client.Type("ImageProjectsGetResponse");
        const string json = """{"id":"p","name":null,"status":"queued","image_count":1,"type":"AI_IMAGE","created_at":"2026-01-02T03:04:05Z","enabled":true,"credits_charged":5,"downloads":[],"error":null}""";
        string written = JsonSerializer.Serialize(JsonSerializer.Deserialize(json, project), project);
        Assert.Contains("\"name\":null", written);
        Assert.Contains("\"error\":null", written);
    }
}

using System.Collections.Generic;
using System.IO;
using System.Linq;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Parsing;
using MagicHour.Codegen.Tests.Infrastructure;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>Type names come from where a schema sits, can be chosen by the spec, and don't shift when the spec grows.</summary>
public class TypeNamingTests
{
    [Fact]
    public void Inline_types_are_named_from_the_operation_and_property_path()
    {
        HashSet<string> names = TypeNames(File.ReadAllText(RepositoryPaths.Spec));
        Assert.Contains("AiImageGeneratorCreateRequest", names);
        Assert.Contains("AiImageGeneratorCreateRequestStyle", names);
        Assert.Contains("AiImageGeneratorCreateRequestStyleTool", names);
        Assert.Contains("AiImageGeneratorCreateRequestModel", names);
        Assert.Contains("FilesUploadUrlsCreateResponseItem", names);
        Assert.Contains("ImageProjectsGetResponseStatus", names);
        Assert.DoesNotContain(names, n => n.Any(char.IsDigit) && !n.Contains("V1"));
    }

    [Fact]
    public void Unrelated_additions_to_the_spec_leave_existing_names_alone()
    {
        string spec = File.ReadAllText(RepositoryPaths.Spec);
        HashSet<string> before = TypeNames(spec);

        // A new operation whose body also has a "style" with a "tool", and a new component named like an inline type.
        string grown = spec.Replace(
            "\"paths\": {",
            """
            "paths": {
                "/v1/ai-video-generator": { "post": { "operationId": "aiVideoGenerator.create", "tags": ["Video Projects"],
                  "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object",
                    "properties": { "style": { "type": "object", "properties": { "tool": { "type": "string", "enum": ["a", "b"] } } } } } } } },
                  "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "object",
                    "properties": { "id": { "type": "string" } } } } } } } } },
            """);
        grown = grown.Replace("\"schemas\": {", "\"schemas\": {\n      \"Thumbnail\": { \"type\": \"object\", \"properties\": { \"url\": { \"type\": \"string\" } } },");
        HashSet<string> after = TypeNames(grown);

        Assert.Subset(after, before);
        Assert.Contains("AiVideoGeneratorCreateRequestStyleTool", after);
        Assert.Contains("Thumbnail", after);
    }

    [Fact]
    public void A_title_or_an_extension_names_an_inline_type_and_a_clash_falls_back_to_the_path()
    {
        const string spec = """
            {
              "openapi": "3.0.3",
              "info": { "title": "Shop", "version": "1" },
              "paths": {
                "/orders": { "post": {
                  "requestBody": { "content": { "application/json": { "schema": { "type": "object", "x-csharp-name": "NewOrder",
                    "properties": {
                      "address": { "title": "Address", "type": "object", "properties": { "city": { "type": "string" } } },
                      "billing": { "title": "Address", "type": "object", "properties": { "iban": { "type": "string" } } }
                    } } } } },
                  "responses": { "204": { "description": "ok" } } } }
              }
            }
            """;
        HashSet<string> names = TypeNames(spec);
        Assert.Contains("NewOrder", names);
        Assert.Contains("Address", names);
        Assert.Contains("NewOrderBilling", names);
        CompileTests.AssertClean(GeneratorHarness.Run(spec));
    }

    private static HashSet<string> TypeNames(string spec) =>
        SpecParser.Parse(new SpecInput("/spec/openapi.json", spec, null, null), default).Model.Types.Select(t => t.Name).ToHashSet();
}

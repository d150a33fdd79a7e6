using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using MagicHour.Codegen.Tests.Infrastructure;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>
/// Records write their property names pre-encoded, from one <c>JsonNames</c> class per file, named as the wire names:
/// whatever the wire names are, the output compiles cleanly and writes exactly the names it reads.
/// </summary>
public class JsonNamesTests
{
    [Fact]
    public void Wire_names_of_every_shape_are_written_as_they_were_read()
    {
        GenerationResult result = GeneratorHarness.Run(Spec("""
            "private": { "type": "string" },
            "content-type": { "type": "string" },
            "Equals": { "type": "string" },
            "x_y": { "type": "integer" },
            "été": { "type": "string" },
            "9lives": { "type": "boolean" },
            "a\"b": { "type": "string" }
            """));
        CompileTests.AssertClean(result);
        string code = string.Concat(result.Sources.Select(s => s.SourceText.ToString()));

        // Identifiers go through the class (keywords escaped); the rest, and object's member names, stay UTF-8 literals.
        Assert.Contains("file static class JsonNames", code, StringComparison.Ordinal);
        Assert.Contains("writer.String(JsonNames.@private, value.Private);", code, StringComparison.Ordinal);
        Assert.Contains("(JsonNames.x_y, value.XY);", code, StringComparison.Ordinal);
        Assert.Contains("writer.String(\"content-type\"u8, ", code, StringComparison.Ordinal);
        Assert.Contains("writer.String(\"Equals\"u8, ", code, StringComparison.Ordinal);

        const string json = """{"private":"p","content-type":"c","Equals":"e","x_y":1,"été":"\u00e9","9lives":true,"a\"b":"q"}""";
        AssertRoundTrips(result, json);
    }

    [Fact]
    public void A_spec_that_names_a_property_JsonNames_keeps_it_and_gets_literal_names()
    {
        GenerationResult result = GeneratorHarness.Run(Spec("""
            "json_names": { "type": "string" },
            "id": { "type": "string" }
            """));
        CompileTests.AssertClean(result);
        string code = string.Concat(result.Sources.Select(s => s.SourceText.ToString()));

        Assert.Contains("public string? JsonNames { get; init; }", code, StringComparison.Ordinal);
        Assert.DoesNotContain("class JsonNames", code, StringComparison.Ordinal);
        Assert.Contains("writer.String(\"id\"u8, value.Id);", code, StringComparison.Ordinal);
        AssertRoundTrips(result, """{"json_names":"j","id":"i"}""");
    }

    private static void AssertRoundTrips(GenerationResult result, string json)
    {
        Assembly client = CompiledClient.Load(result.Compilation);
        Type type = client.GetTypes().Single(t => t.Name == "Thing");
        object value = JsonSerializer.Deserialize(json, type)!;
        string written = JsonSerializer.Serialize(value, type, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Equal(Normalize(json), Normalize(written));
    }

    /// <summary>The same text whatever characters each side chose to escape.</summary>
    private static string Normalize(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);

    private static string Spec(string properties) => $$"""
        {
          "openapi": "3.0.3",
          "info": { "title": "Names API", "version": "1" },
          "paths": {
            "/things": { "get": { "operationId": "getThing", "responses": { "200": { "description": "ok",
              "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } } } } }
          },
          "components": { "schemas": { "Thing": { "type": "object", "properties": {
            {{properties}}
          } } } }
        }
        """;
}

using System.Linq;
using MagicHour.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>
/// Each condition the generator cannot express has its own ID, a message that names the construct and its JSON
/// pointer, and a location on the line of that construct; the rest of the document still generates and compiles.
/// </summary>
public class DiagnosticIdTests
{
    private const string Ok = """{ "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "object", "properties": { "name": { "type": "string" } } } } } } }""";

    public static TheoryData<string, string, string, string, string> Cases()
    {
        return new TheoryData<string, string, string, string, string>
        {
            {
                "MHCG0010",
                Paths("""{ "/a": { "get": { "parameters": [ { "name": "session", "in": "cookie", "schema": { "type": "string" } } ], "responses": OK } } }"""),
                "#/paths/~1a/get/parameters/0", "\"session\"", "cookie parameter 'session' of GET /a"
            },
            {
                "MHCG0011",
                Paths("""{ "/a": { "get": { "parameters": [ { "name": "session", "in": "cookie", "required": true, "schema": { "type": "string" } } ], "responses": OK } } }"""),
                "#/paths/~1a/get/parameters/0", "\"session\"", "GET /a is skipped"
            },
            {
                "MHCG0012",
                Paths("""{ "/a": { "get": { "parameters": [ { "name": "filter", "in": "query", "schema": { "type": "object", "properties": { "x": { "type": "string" } } } } ], "responses": OK } } }"""),
                "#/paths/~1a/get/parameters/0", "\"filter\"", "parameter 'filter' of GET /a"
            },
            {
                "MHCG0013",
                Paths("""{ "/a": { "get": { "parameters": [ { "name": "filter", "in": "query", "required": true, "schema": { "type": "object", "properties": { "x": { "type": "string" } } } } ], "responses": OK } } }"""),
                "#/paths/~1a/get/parameters/0", "\"filter\"", "GET /a is skipped"
            },
            {
                "MHCG0014",
                Paths("""{ "/a/{id}": { "get": { "responses": OK } } }"""),
                "#/paths/~1a~1{id}/get", "\"/a/{id}\"", "placeholder '{id}' in the path of GET /a/{id}"
            },
            {
                "MHCG0015",
                Paths("""{ "/a": { "post": { "requestBody": { "content": { "application/xml": { "schema": { "type": "string" } } } }, "responses": OK } } }"""),
                "#/paths/~1a/post/requestBody", "\"requestBody\"", "'application/xml'"
            },
            {
                "MHCG0016",
                Paths("""{ "/a": { "post": { "requestBody": { "content": { "multipart/form-data": { "schema": { "type": "object" } } } }, "responses": OK } } }"""),
                "#/paths/~1a/post/requestBody/content/multipart~1form-data/schema", "multipart/form-data", "multipart body"
            },
            {
                "MHCG0017",
                Paths("""{ "/a": { "post": { "requestBody": { "content": { "application/x-www-form-urlencoded": { "schema": { "type": "object", "properties": { "file": { "type": "string", "format": "binary" } } } } } }, "responses": OK } } }"""),
                "#/paths/~1a/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties/file", "\"file\"", "field 'file'"
            },
            {
                "MHCG0018",
                Paths("""{ "/a": { "post": { "requestBody": { "content": { "multipart/form-data": { "schema": { "type": "object", "properties": { "meta": { "type": "object", "properties": { "x": { "type": "string" } } } } } } } }, "responses": OK } } }"""),
                "#/paths/~1a/post/requestBody/content/multipart~1form-data/schema/properties/meta", "\"meta\"", "field 'meta'"
            },
            {
                "MHCG0019",
                Schemas("""{ "Tree": { "type": "array", "items": { "$ref": "#/components/schemas/Tree" } } }"""),
                "#/components/schemas/Tree", "\"Tree\"", "schema 'Tree'"
            },
            {
                "MHCG0020",
                Schemas("""{ "Loop": { "$ref": "#/components/schemas/Loop" } }"""),
                "#/components/schemas/Loop", "\"Loop\"", "schema 'Loop'"
            },
            {
                "MHCG0021",
                Schemas("""{ "Thing": { "type": "object", "properties": { "either": { "type": [ "string", "integer" ] } } } }""", "3.1.0"),
                "#/components/schemas/Thing/properties/either/type", "\"type\": [", "string, integer"
            },
            {
                "MHCG0022",
                Schemas("""{ "Thing": { "type": "object", "properties": { "either": { "oneOf": [ { "type": "object", "properties": { "a": { "type": "string" } } }, { "type": "object", "properties": { "b": { "type": "integer" } } } ] } } } }"""),
                "#/components/schemas/Thing/properties/either", "\"either\"", "'oneOf' of 2 schemas"
            },
            {
                "MHCG0023",
                Schemas("""{ "Thing": { "type": "object", "properties": { "either": { "oneOf": [ { "type": "object", "properties": { "k": { "type": "string" } } }, { "type": "object", "properties": { "k": { "type": "string" } } } ], "discriminator": { "propertyName": "k" } } } } }"""),
                "#/components/schemas/Thing/properties/either", "\"either\"", "'oneOf' of 2 schemas"
            },
            {
                "MHCG0024",
                Schemas("""{ "Thing": { "type": "object", "properties": { "x": { "type": "string" } }, "additionalProperties": { "type": "integer" } } }"""),
                "#/components/schemas/Thing/additionalProperties", "\"additionalProperties\"", "'Thing'"
            },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_condition_has_its_own_id_and_names_the_construct_and_its_place(string id, string spec, string pointer, string marker, string construct)
    {
        GenerationResult result = GeneratorHarness.Run(spec);

        Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        string message = diagnostic.GetMessage();
        Assert.Contains(" " + pointer + " ", message + " ");
        Assert.Contains(construct, message);
        Assert.Equal(LineOf(spec, marker), diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.NotEmpty(result.Sources);
        Assert.True(result.CompileProblems.Count == 0, string.Join("\n", result.CompileProblems));
    }

    /// <summary>A document with these paths beside one operation that generates, so the client is never empty.</summary>
    private static string Paths(string paths) => $$"""
        {
          "openapi": "3.0.3",
          "info": { "title": "Test API", "version": "1" },
          "paths": {
            "/ok": { "get": { "responses": {{Ok}} } },
            {{paths.Trim()[1..^1].Trim().Replace("\"responses\": OK", "\"responses\": " + Ok)}}
          }
        }
        """;

    private static string Schemas(string schemas, string version = "3.0.3") => $$"""
        {
          "openapi": "{{version}}",
          "info": { "title": "Test API", "version": "1" },
          "paths": { "/ok": { "get": { "responses": {{Ok}} } } },
          "components": {
            "schemas":
              {{schemas}}
          }
        }
        """;

    private static int LineOf(string text, string marker) => text[..text.IndexOf(marker, System.StringComparison.Ordinal)].Count(c => c == '\n');
}

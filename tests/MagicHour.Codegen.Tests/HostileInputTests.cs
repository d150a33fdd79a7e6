using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MagicHour.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>
/// Names, text and damaged files chosen to break a code generator: the output is valid, deterministic, readable C#, or
/// there is none and a located diagnostic says why.
/// </summary>
public class HostileInputTests
{
    private const string Head = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Hostile API", "version": "1" },
        """;

    private static readonly string Names = Head + """
          "paths": {
            "/class/{namespace}": {
              "get": {
                "parameters": [
                  { "name": "namespace", "in": "path", "required": true, "schema": { "type": "string" } },
                  { "name": "event", "in": "query", "schema": { "type": "string" } },
                  { "name": "a-b", "in": "query", "schema": { "type": "string" } },
                  { "name": "a_b", "in": "query", "schema": { "type": "string" } },
                  { "name": "cancellationToken", "in": "query", "schema": { "type": "string" } },
                  { "name": "X-Trace", "in": "header", "schema": { "type": "string" } },
                  { "name": "session", "in": "cookie", "schema": { "type": "string" } }
                ],
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/class" } } } } }
              }
            },
            "/things": {
              "get": { "operationId": "dup", "responses": { "200": { "description": "ok" } } },
              "post": { "operationId": "dup", "responses": { "204": { "description": "ok" } } },
              "put": { "responses": { "204": { "description": "ok" } } }
            },
            "/things/{id}": {
              "get": { "operationId": "dup", "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } } ], "responses": { "200": { "description": "ok" } } }
            },
            "/": { "get": { "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "object", "properties": { "": { "type": "string" } } } } } } } } },
            "/1st/größe": { "get": { "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "object", "properties": { "x": { "type": "string" } } } } } } } } }
          },
          "components": { "schemas": {
            "class": {
              "type": "object",
              "properties": {
                "class": { "type": "string" },
                "event": { "type": "integer" },
                "namespace": { "type": "boolean" },
                "1st": { "type": "string" },
                "": { "type": "string" },
                "größe": { "type": "number" },
                "日本": { "type": "string" },
                "a-b": { "type": "string" },
                "a_b": { "type": "string" },
                "Name": { "type": "string" },
                "name": { "type": "string" },
                "Class": { "type": "string" },
                "EqualityContract": { "type": "string" },
                "ToString": { "type": "string" },
                "kind": { "type": "string", "enum": ["a-b", "a_b", "", "1", "class", "Value", "ToString", "PrintMembers"] }
              }
            },
            "Class": { "type": "object", "properties": { "x": { "type": "string" } } },
            "1Thing": { "type": "object", "properties": { "x": { "type": "string" } } },
            "": { "type": "object", "properties": { "x": { "type": "string" } } },
            "JsonElement": { "type": "object", "properties": { "x": { "type": "string" } } },
            "HostileClient": { "type": "object", "properties": { "x": { "type": "string" } } },
            "Task": { "type": "string", "enum": ["a"] }
          } }
        }
        """;

    [Fact]
    public void Hostile_names_give_valid_readable_deterministic_csharp()
    {
        GenerationResult first = GeneratorHarness.Run(Names);
        GenerationResult second = GeneratorHarness.Run(Names);

        AssertClean(first);
        Assert.Equal(Texts(first), Texts(second));
        string all = string.Join("\n", Texts(first));
        Assert.Contains("public string? ClassValue { get; init; }", all);
        Assert.Contains("public int? Event { get; init; }", all);
        Assert.Contains("@namespace", all);
        Assert.Contains("@event", all);
        Assert.Contains("Value1st", all);
        Assert.Contains("Größe", all);

        // Nothing reads like a counter the reader cannot map back to the spec.
        Assert.DoesNotMatch(@"\b(Body|Type|Value|Item|_)\d{2,}\b", all);
        Assert.DoesNotContain(first.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("*/ /* <!-- -->")]
    [InlineData("</summary><summary>")]
    [InlineData("Tom & \"Jerry\" <b>bold</b> 'single'")]
    [InlineData("C:\\path\\to\\file \\u0041 \\\"")]
    [InlineData("line\u2028separator\u2029paragraph\u0085next")]
    [InlineData("ends with a backslash \\")]
    [InlineData("#region x\n#endregion\n#error no")]
    public void Hostile_text_keeps_xml_docs_and_literals_valid(string text)
    {
        string json = System.Text.Json.JsonSerializer.Serialize(text);
        string spec = Head.Replace("\"Hostile API\"", json) + $$"""
              "paths": {
                "/pets": {
                  "get": {
                    "operationId": {{json}},
                    "summary": {{json}},
                    "description": {{json}},
                    "deprecated": true,
                    "parameters": [ { "name": "q", "in": "query", "description": {{json}}, "schema": { "type": "string", "default": {{json}} } } ],
                    "responses": {
                      "200": { "description": {{json}}, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } },
                      "400": { "description": {{json}} }
                    }
                  }
                }
              },
              "components": { "schemas": {
                "Pet": {
                  "type": "object", "description": {{json}}, "title": {{json}}, "deprecated": true,
                  "properties": {
                    "name": { "type": "string", "description": {{json}}, "example": {{json}}, "default": {{json}}, "pattern": {{json}}, "deprecated": true },
                    {{json}}: { "type": "string", "description": {{json}} },
                    "kind": { "type": "string", "description": {{json}}, "enum": [{{json}}, "b"], "x-enum-descriptions": [{{json}}, {{json}}], "x-enum-deprecated": { "b": {{json}} } }
                  }
                }
              } }
            }
            """;

        GenerationResult result = GeneratorHarness.Run(spec);
        AssertClean(result);
    }

    public static TheoryData<string, string, string> DamagedFiles()
    {
        string ours = File.ReadAllText(RepositoryPaths.Spec);
        var nested = new StringBuilder("{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Deep\",\"version\":\"1\"},\"paths\":{},\"components\":{\"schemas\":{\"Deep\":");
        for (int i = 0; i < 40; i++)
        {
            nested.Append("{\"type\":\"object\",\"properties\":{\"child\":");
        }

        nested.Append("{\"type\":\"string\"}");
        nested.Append(string.Concat(Enumerable.Repeat("}}", 40)));
        nested.Append("}}}");
        var deepArrays = new StringBuilder("{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Deep\",\"version\":\"1\"},\"paths\":{},\"components\":{\"schemas\":{\"Deep\":");
        for (int i = 0; i < 300; i++)
        {
            deepArrays.Append("{\"type\":\"array\",\"items\":");
        }

        deepArrays.Append("{\"type\":\"string\"}");
        deepArrays.Append(new string('}', 300));
        deepArrays.Append("}}}");

        return new TheoryData<string, string, string>
        {
            { "empty", string.Empty, "MHCG0001" },
            { "whitespace", "  \n\t ", "MHCG0001" },
            { "truncated", ours.Substring(0, ours.Length / 2), "MHCG0001" },
            { "not JSON", "openapi: 3.0.3\ninfo:\n  title: yaml\n", "MHCG0001" },
            { "binary", "\u0000\u0001\u0002\uFFFD", "MHCG0001" },
            { "JSON array", "[1, 2, 3]", "MHCG0002" },
            { "JSON string", "\"openapi\"", "MHCG0002" },
            { "not OpenAPI", "{\"name\": \"package.json\", \"version\": \"1.0.0\"}", "MHCG0002" },
            { "unknown version", "{\"openapi\": \"9.9.9\", \"info\": {\"title\": \"x\", \"version\": \"1\"}, \"paths\": {}}", "MHCG0002" },
            { "version is a number", "{\"openapi\": 3.0, \"info\": {\"title\": \"x\", \"version\": \"1\"}, \"paths\": {}}", "MHCG0002" },
            { "paths is an array", "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"x\", \"version\": \"1\"}, \"paths\": [1]}", string.Empty },
            { "dangling $ref", Head + "\"paths\": {\"/a\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\", \"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Nope\"}}}}}}}}}", "MHCG0003" },
            { "external $ref", Head + "\"paths\": {\"/a\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\", \"content\": {\"application/json\": {\"schema\": {\"$ref\": \"other.json#/Pet\"}}}}}}}}}", string.Empty },
            { "self $ref", Head + "\"paths\": {}, \"components\": {\"schemas\": {\"A\": {\"$ref\": \"#/components/schemas/A\"}, \"B\": {\"type\": \"array\", \"items\": {\"$ref\": \"#/components/schemas/B\"}}}}}", string.Empty },
            { "40-level nesting", nested.ToString(), string.Empty },
            { "300-level arrays", deepArrays.ToString(), string.Empty },
            { "huge depth JSON", new string('[', 5000) + new string(']', 5000), "MHCG0001" },
        };
    }

    [Theory]
    [MemberData(nameof(DamagedFiles))]
    public void Damaged_files_give_a_located_diagnostic_and_no_broken_client(string name, string text, string expectedId)
    {
        GenerationResult result = GeneratorHarness.Run(text);

        Assert.Null(result.GeneratorException);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "MHCG0006");
        if (expectedId.Length > 0)
        {
            Assert.True(result.GeneratorDiagnostics.Any(d => d.Id == expectedId), $"{name}: expected {expectedId}, got {string.Join(", ", result.GeneratorDiagnostics.Select(d => d.Id))}");
        }

        foreach (Diagnostic diagnostic in result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            Assert.StartsWith("MHCG", diagnostic.Id);
            Assert.True(diagnostic.Location.Kind == LocationKind.ExternalFile, $"{name}: {diagnostic.Id} has no location");
        }

        if (result.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            Assert.Empty(result.Sources);
        }

        IReadOnlyList<Diagnostic> errors = result.CompileErrors;
        Assert.True(errors.Count == 0, $"{name}: " + string.Join("\n", errors.Take(10)));
    }

    private static void AssertClean(GenerationResult result)
    {
        Assert.Null(result.GeneratorException);
        Assert.NotEmpty(result.Sources);
        IReadOnlyList<Diagnostic> problems = result.CompileProblems;
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    private static string[] Texts(GenerationResult result) => result.Sources.Select(s => s.HintName + "\n" + s.SourceText).ToArray();
}

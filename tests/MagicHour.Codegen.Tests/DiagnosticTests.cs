using System.Linq;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Parsing;
using MagicHour.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>A bad spec gives a diagnostic with an ID and a place in the JSON file; what can still be generated is.</summary>
public class DiagnosticTests
{
    private const string Head = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Test API", "version": "1" },
        """;

    [Fact]
    public void Unreadable_json_is_MHCG0001_at_the_broken_line()
    {
        GenerationResult result = GeneratorHarness.Run("{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\n    \"title\": oops\n  }\n}");
        Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("MHCG0001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(result.Sources);
        Assert.Null(result.GeneratorException);
    }

    [Theory]
    [InlineData("{\"hello\": \"world\"}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"openapi\": \"4.0.0\", \"info\": {\"title\": \"x\", \"version\": \"1\"}, \"paths\": {}}")]
    public void Json_that_is_not_openapi_is_MHCG0002(string text)
    {
        GenerationResult result = GeneratorHarness.Run(text);
        Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("MHCG0002", diagnostic.Id);
        Assert.True(diagnostic.Location.IsInSource || diagnostic.Location.Kind == LocationKind.ExternalFile);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void A_dangling_ref_is_MHCG0003_at_the_ref_and_the_rest_generates()
    {
        string spec = Head + """
              "paths": {
                "/pets": {
                  "get": {
                    "operationId": "listPets",
                    "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": {
                      "type": "object",
                      "properties": {
                        "owner": { "$ref": "#/components/schemas/Missing" },
                        "name": { "type": "string" }
                      }
                    } } } } }
                  }
                }
              }
            }
            """;
        GenerationResult result = GeneratorHarness.Run(spec);
        Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("MHCG0003", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("#/components/schemas/Missing", diagnostic.GetMessage());
        Assert.Equal(LineOf(spec, "\"#/components/schemas/Missing\""), diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.True(result.CompileProblems.Count == 0, string.Join("\n", result.CompileProblems));
        Assert.Contains("public JsonElement? Owner { get; init; }", result.UnqualifiedText());
    }

    [Fact]
    public void An_unsupported_request_body_is_MHCG0015_skipped_while_the_others_generate()
    {
        string spec = Head + """
              "paths": {
                "/upload": {
                  "post": {
                    "operationId": "upload",
                    "requestBody": { "content": { "application/xml": { "schema": { "type": "string" } } } },
                    "responses": { "204": { "description": "done" } }
                  }
                },
                "/pets/{id}": {
                  "get": {
                    "operationId": "getPet",
                    "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer", "format": "int64" } } ],
                    "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "object", "properties": { "name": { "type": "string" } } } } } } }
                  }
                }
              }
            }
            """;
        GenerationResult result = GeneratorHarness.Run(spec);
        Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("MHCG0015", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("POST /upload", diagnostic.GetMessage());
        Assert.Contains("'application/xml'", diagnostic.GetMessage());
        Assert.Equal(LineOf(spec, "\"requestBody\""), diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        string all = string.Join("\n", result.Sources.Select(s => s.SourceText.ToString()));
        Assert.Contains("Task<ClientResult<PetsGetResponse>> GetAsync(long id, CancellationToken cancellationToken = default, RequestOptions? options = null)", result.Signatures());
        Assert.DoesNotContain("upload", all);
        Assert.True(result.CompileProblems.Count == 0, string.Join("\n", result.CompileProblems));
    }

    [Fact]
    public void Deprecated_enum_values_from_extensions_get_obsolete_members()
    {
        string spec = Head + """
              "paths": {},
              "components": { "schemas": {
                "Voice": { "type": "string", "enum": ["alto", "bass", "old-bass"], "x-enum-deprecated": ["old-bass"] },
                "Quality": { "type": "string", "enum": ["low", "hd"], "x-enum-deprecated": { "low": "Use `hd` instead." } }
              } }
            }
            """;
        GenerationResult result = GeneratorHarness.Run(spec);
        Assert.Empty(result.GeneratorDiagnostics);
        string all = result.UnqualifiedText();
        Assert.Contains("[Obsolete(\"'old-bass' is deprecated.\")]\n    public static readonly Voice OldBass", all);
        Assert.Contains("[Obsolete(\"'low' is deprecated. Use Hd ('hd') instead.\")]\n    public static readonly Quality Low", all);
        Assert.DoesNotContain("[Obsolete(\"'bass'", all);
        Assert.True(result.CompileProblems.Count == 0, string.Join("\n", result.CompileProblems));
    }

    [Fact]
    public void Deprecations_are_data_in_the_model_and_the_emitter_words_them()
    {
        ClientModel model = SpecParser.Parse(new SpecInput(RepositoryPaths.Spec, System.IO.File.ReadAllText(RepositoryPaths.Spec), null, null), default).Model;
        EnumModel models = model.Types.OfType<EnumModel>().Single(t => t.Name == "AiImageGeneratorCreateRequestModel");

        EnumMemberModel seedream = models.Members.Single(m => m.WireValue == "seedream");
        Assert.Equal("Use `seedream-v4` instead.", seedream.Deprecation!.Note);
        Assert.Equal(new[] { "seedream-v4" }, seedream.Deprecation.Replacements);
        Assert.Null(models.Members.Single(m => m.WireValue == "seedream-v4").Deprecation);
    }

    private static int LineOf(string text, string marker) => text[..text.IndexOf(marker, System.StringComparison.Ordinal)].Count(c => c == '\n');
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Naming;
using MagicHour.Codegen.Parsing;
using MagicHour.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>
/// No name a spec chooses can break the generated code: not a schema named after a type the generated code uses, not
/// a parameter named after a local the generated method declares.
/// </summary>
public class GeneratedNameTests
{
    /// <summary>Names the generated code mentions or might: a spec may use any of them for a schema.</summary>
    private static readonly string[] NamesToTry =
    {
        "Task", "List", "Uri", "Stream", "JsonSerializer", "HttpMethod", "CancellationToken", "System", "MagicHour", "Microsoft",
        "Convert", "FilePart", "FormBody", "GenerateOptions", "ProjectWorkflow", "ProjectResult", "BinaryResponse", "ApiPipeline",
        "ApiRequest", "JsonNames", "ParameterFormatter", "MagicHourClientOptions", "MagicHourApiException", "IDisposable",
        "Action", "Array", "Enumerable", "Linq", "Text", "Json", "Http", "Threading", "Tasks", "Collections", "Generic",
    };

    [Fact]
    public void Schemas_named_after_every_type_the_generated_code_mentions_keep_their_names_and_compile_cleanly()
    {
        // What the emitters write, found in what they wrote for every scenario together (records, enums, a union, form
        // and binary bodies, a create-and-poll workflow, the client and its DI extension), and in KnownTypes.
        JsonObject spec = MergedScenarios();
        GenerationResult plain = GeneratorHarness.Run(spec.ToJsonString());
        CompileTests.AssertClean(plain);
        SortedSet<string> mentioned = IdentifiersIn(plain);
        var frameworkNames = GeneratedCode.KnownTypeSpellings.SelectMany(s => s["global::".Length..].Split('.')).ToHashSet(StringComparer.Ordinal);
        mentioned.UnionWith(frameworkNames);
        mentioned.UnionWith(NamesToTry);
        Assert.Superset(new HashSet<string>(new[] { "Task", "Uri", "Stream", "HttpMethod", "CancellationToken", "System", "MagicHour", "Convert", "FilePart", "FormBody", "GenerateOptions", "ProjectWorkflow", "BinaryResponse", "ApiPipeline", "Utf8JsonReader", "JsonElement" }), mentioned);

        JsonObject schemas = spec["components"]!["schemas"]!.AsObject();
        foreach (string name in mentioned.Where(n => !schemas.ContainsKey(n)))
        {
            schemas[name] = JsonNode.Parse("""{ "type": "object", "properties": { "note": { "type": "string" } } }""");
        }

        string hostileSpec = spec.ToJsonString();
        GenerationResult hostile = GeneratorHarness.Run(hostileSpec);

        CompileTests.AssertClean(hostile);
        HashSet<string> typeNames = SpecParser.Parse(new SpecInput("/specs/openapi.json", hostileSpec, null, null), default).Model.Types.Select(t => t.Name).ToHashSet();
        // Names that are already C# type names as the generator spells them (IO becomes Io) must be kept as they are.
        string[] renamed = frameworkNames.Concat(NamesToTry).Where(n => Identifiers.ToPascalCase(n) == n && !typeNames.Contains(n)).Distinct().ToArray();
        Assert.True(renamed.Length == 0, "Schemas that did not keep their name: " + string.Join(", ", renamed));
        Assert.Contains(hostile.Signatures(), s => s.Contains(" GenerateAsync(", StringComparison.Ordinal) && s.Contains("GenerateOptions? options = null", StringComparison.Ordinal));
        Assert.True(mentioned.Count > 150, $"only {mentioned.Count} names were tried");
    }

    [Fact]
    public void Schemas_whose_names_differ_only_in_case_get_names_of_their_own()
    {
        const string spec = """
            {
              "openapi": "3.0.3",
              "info": { "title": "Case API", "version": "1" },
              "paths": {},
              "components": { "schemas": {
                "PetS": { "type": "object", "properties": { "x": { "type": "string" } } },
                "Pets": { "type": "object", "properties": { "y": { "type": "string" } } },
                "pets_jsonconverter": { "type": "string", "enum": [ "a" ] }
              } }
            }
            """;
        GenerationResult result = GeneratorHarness.Run(spec);

        CompileTests.AssertClean(result);
        Assert.Equal(result.Sources.Count, result.Sources.Select(s => s.HintName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("public sealed partial record PetS ", result.Sources.Declaration("PetS"));
        Assert.Contains("public sealed partial record PetsModel ", result.Sources.Declaration("PetsModel"));
    }

    [Fact]
    public void Parameters_named_like_the_generated_methods_own_identifiers_compile()
    {
        const string spec = """
            {
              "openapi": "3.0.3",
              "info": { "title": "Names API", "version": "1" },
              "paths": {
                "/things": {
                  "parameters": [
                    { "name": "body", "in": "query", "schema": { "type": "string" } },
                    { "name": "request", "in": "query", "required": true, "schema": { "type": "string" } },
                    { "name": "options", "in": "query", "schema": { "type": "string" } },
                    { "name": "cancellationToken", "in": "query", "schema": { "type": "string" } },
                    { "name": "content", "in": "query", "schema": { "type": "string" } },
                    { "name": "response", "in": "header", "schema": { "type": "string" } },
                    { "name": "apiRequest", "in": "query", "schema": { "type": "string" } },
                    { "name": "item", "in": "query", "schema": { "type": "array", "items": { "type": "string" } } },
                    { "name": "form", "in": "query", "schema": { "type": "string" } }
                  ],
                  "post": {
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "properties": { "a": { "type": "string" } } } } } },
                    "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "object", "properties": { "id": { "type": "string" } } } } } } }
                  },
                  "put": {
                    "requestBody": { "content": { "application/json": { "schema": { "type": "array", "items": { "type": "integer" } } } } },
                    "responses": { "204": { "description": "ok" } }
                  },
                  "patch": {
                    "requestBody": { "required": true, "content": { "image/png": {}, "image/jpeg": {} } },
                    "parameters": [ { "name": "contentType", "in": "query", "schema": { "type": "string" } } ],
                    "responses": { "200": { "description": "ok", "content": { "text/plain": {} } } }
                  },
                  "delete": {
                    "requestBody": { "content": { "multipart/form-data": { "schema": { "type": "object", "properties": {
                      "element": { "type": "array", "items": { "type": "string" } },
                      "formBody": { "type": "string", "format": "binary" },
                      "httpRequest": { "type": "string" }
                    } } } } },
                    "responses": { "204": { "description": "ok" } }
                  }
                }
              }
            }
            """;
        GenerationResult result = GeneratorHarness.Run(spec);

        CompileTests.AssertClean(result);
        IReadOnlyList<string> signatures = result.Signatures();
        const string common = "string? body = null, string? options = null, string? cancellationTokenValue = null, string? content = null, string? response = null, string? apiRequest = null, IReadOnlyList<string>? item = null, string? form = null";
        const string tail = "CancellationToken cancellationToken = default, RequestOptions? requestOptions = null";
        Assert.Contains($"Task<ClientResult<ThingsCreateResponse>> CreateAsync(string request, ThingsCreateRequest requestBody, {common}, {tail})", signatures);
        Assert.Contains($"Task<ClientResult> UpdateAsync(string request, IReadOnlyList<int>? requestBody = null, {common}, {tail})", signatures);
        Assert.Contains($"Task<ClientResult<string>> PatchAsync(string request, Stream contentStream, string contentMediaType = \"image/png\", string? contentType = null, {common}, {tail})", signatures);
        Assert.Contains($"Task<ClientResult> DeleteAsync(string request, IReadOnlyList<string>? element = null, FilePart? formBody = null, string? httpRequest = null, {common}, {tail})", signatures);

        OperationModel delete = Operations(spec).Single(o => o.HttpMethod == "DELETE");
        Assert.Equal(new OperationNames("cancellationToken", "apiRequest2", "item2", "form2", "requestOptions"), delete.Names);
    }

    /// <summary>The scenarios as one document: their paths and component schemas side by side.</summary>
    private static JsonObject MergedScenarios()
    {
        var merged = JsonNode.Parse("""{ "openapi": "3.0.3", "info": { "title": "Studio API", "version": "1" }, "paths": {}, "components": { "schemas": {} } }""")!.AsObject();
        foreach (string name in Scenarios.Names)
        {
            JsonObject scenario = JsonNode.Parse(Scenarios.Read(name))!.AsObject();
            foreach ((string path, JsonNode? item) in scenario["paths"]!.AsObject().ToList())
            {
                merged["paths"]![path] = item!.DeepClone();
            }

            if (scenario["components"]?["schemas"] is JsonObject schemas)
            {
                foreach ((string schema, JsonNode? value) in schemas.ToList())
                {
                    merged["components"]!["schemas"]![schema] = value!.DeepClone();
                }
            }
        }

        return merged;
    }

    /// <summary>Every capitalized identifier in the generated code, doc comments included.</summary>
    private static SortedSet<string> IdentifiersIn(GenerationResult result) => new(
        result.Sources
            .SelectMany(s => s.SyntaxTree.GetRoot().DescendantTokens(descendIntoTrivia: true))
            .Where(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText.Length > 0 && char.IsUpper(t.ValueText[0]))
            .Select(t => t.ValueText),
        StringComparer.Ordinal);

    private static IEnumerable<OperationModel> Operations(string spec)
    {
        OperationGroupModel root = SpecParser.Parse(new SpecInput("/specs/openapi.json", spec, null, null), default).Model.Root;
        return Flatten(root);

        static IEnumerable<OperationModel> Flatten(OperationGroupModel group) => group.Operations.Concat(group.Groups.SelectMany(Flatten));
    }
}

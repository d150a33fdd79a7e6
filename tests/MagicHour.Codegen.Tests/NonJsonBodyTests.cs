using System.IO;
using System.Linq;
using MagicHour.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>Multipart, url-encoded and binary request bodies, and text and binary responses, generate typed methods.</summary>
public class NonJsonBodyTests
{
    private const string Head = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Test API", "version": "1" },
        """;

    private static readonly string FilesSpec = Head + """
          "paths": {
            "/pets/{petId}/image": {
              "post": {
                "operationId": "uploadImage",
                "parameters": [ { "name": "petId", "in": "path", "required": true, "schema": { "type": "integer", "format": "int64" } } ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "multipart/form-data": {
                      "schema": {
                        "type": "object",
                        "required": [ "image" ],
                        "properties": {
                          "image": { "type": "string", "format": "binary", "description": "The picture." },
                          "description": { "type": "string" },
                          "tags": { "type": "array", "items": { "type": "string" } },
                          "width": { "type": "integer" },
                          "extras": { "type": "array", "items": { "type": "string", "format": "binary" } }
                        }
                      }
                    }
                  }
                },
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "object", "properties": { "url": { "type": "string" } } } } } } }
              }
            },
            "/files/{name}": {
              "put": {
                "operationId": "putFile",
                "parameters": [ { "name": "name", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "requestBody": { "required": true, "content": { "application/octet-stream": { "schema": { "type": "string", "format": "binary" } } } },
                "responses": { "201": { "description": "stored", "content": { "text/plain": { "schema": { "type": "string" } } } } }
              },
              "get": {
                "operationId": "getFile",
                "parameters": [ { "name": "name", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": { "200": { "description": "the file", "content": { "application/octet-stream": { "schema": { "type": "string", "format": "binary" } } } } }
              }
            },
            "/photos": {
              "post": {
                "operationId": "addPhoto",
                "requestBody": { "content": { "image/png": {}, "image/jpeg": {} } },
                "responses": { "204": { "description": "added" } }
              }
            },
            "/anything": {
              "post": {
                "operationId": "anything",
                "requestBody": { "required": true, "content": { "*/*": { "schema": { "type": "string", "format": "binary" } } } },
                "responses": { "200": { "description": "echo", "content": { "*/*": { "schema": { "type": "string", "format": "binary" } } } } }
              }
            },
            "/login": {
              "post": {
                "operationId": "login",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/x-www-form-urlencoded": {
                      "schema": {
                        "type": "object",
                        "required": [ "username", "password" ],
                        "properties": { "username": { "type": "string" }, "password": { "type": "string" }, "remember": { "type": "boolean" } }
                      }
                    }
                  }
                },
                "responses": { "200": { "description": "token", "content": { "text/plain": {} } } }
              }
            }
          }
        }
        """;

    [Fact]
    public void Form_and_binary_operations_generate_and_compile_cleanly()
    {
        GenerationResult result = GeneratorHarness.Run(FilesSpec);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.True(result.CompileProblems.Count == 0, string.Join("\n", result.CompileProblems));
        string all = string.Join("\n", result.Sources.Select(s => s.SourceText.ToString()));
        Assert.Contains(
            "public Task<PetsImageCreateResponse> CreateAsync(long petId, FilePart image, string? description = null, IReadOnlyList<string>? tags = null, int? width = null, IReadOnlyList<FilePart>? extras = null, CancellationToken cancellationToken = default)",
            all);
        Assert.Contains("form.AddFile(\"image\", image);", all);
        Assert.Contains("form.Add(\"width\", width is null ? null : ParameterFormatter.Format(width.Value));", all);
        Assert.Contains("apiRequest.SetMultipartBody(form);", all);

        Assert.Contains("public Task<string> UpdateAsync(string name, Stream content, CancellationToken cancellationToken = default)", all);
        Assert.Contains("apiRequest.SetStreamBody(content, \"application/octet-stream\");", all);
        Assert.Contains("apiRequest.Accept = \"text/plain\";", all);
        Assert.Contains("return _pipeline.SendForStringAsync(apiRequest, cancellationToken);", all);

        Assert.Contains("public Task<BinaryResponse> GetAsync(string name, CancellationToken cancellationToken = default)", all);
        Assert.Contains("return _pipeline.SendForBinaryAsync(apiRequest, cancellationToken);", all);

        Assert.Contains("public Task CreateAsync(Stream? content = null, string contentType = \"image/png\", CancellationToken cancellationToken = default)", all);
        Assert.Contains("apiRequest.SetStreamBody(content, contentType);", all);
        Assert.Contains("public Task<BinaryResponse> CreateAsync(Stream content, string contentType = \"application/octet-stream\", CancellationToken cancellationToken = default)", all);

        Assert.Contains("public Task<string> CreateAsync(string username, string password, bool? remember = null, CancellationToken cancellationToken = default)", all);
        Assert.Contains("apiRequest.SetFormUrlEncodedBody(form);", all);
    }

    [Fact]
    public void The_generated_methods_read_well_from_a_caller()
    {
        const string usage = """
            using System.IO;
            using System.Threading.Tasks;
            using MagicHour.Client;
            using MagicHour.Runtime.Http;

            /// <summary>Calls the client as a user would.</summary>
            public static class Usage
            {
                /// <summary>Uploads, stores and downloads.</summary>
                public static async Task<long?> RunAsync(TestClient client, Stream picture, Stream file)
                {
                    PetsImageCreateResponse uploaded = await client.Pets.Image.CreateAsync(7, new FilePart(picture, "cat.png", "image/png"), description: "a cat");
                    string stored = await client.Files.UpdateAsync("notes.txt", file);
                    await using BinaryResponse download = await client.Files.GetAsync("notes.txt");
                    return (uploaded.Url + stored).Length + download.Length;
                }
            }
            """;
        GenerationResult result = GeneratorHarness.Run(FilesSpec, extraSources: usage);

        Assert.True(result.CompileProblems.Count == 0, string.Join("\n", result.CompileProblems));
    }

    [Fact]
    public void A_url_encoded_form_with_a_file_field_is_MHCG0004_skipped()
    {
        string spec = Head + """
              "paths": {
                "/forms": {
                  "post": {
                    "operationId": "submit",
                    "requestBody": { "content": { "application/x-www-form-urlencoded": { "schema": { "type": "object", "properties": { "file": { "type": "string", "format": "binary" } } } } } },
                    "responses": { "204": { "description": "done" } }
                  }
                }
              }
            }
            """;
        GenerationResult result = GeneratorHarness.Run(spec);

        Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("MHCG0004", diagnostic.Id);
        Assert.Contains("'file' is binary", diagnostic.GetMessage());
    }

    [CorpusFact]
    public void The_file_uploads_example_generates_every_operation()
    {
        string path = Path.Combine(RepositoryPaths.Shared, "specs", "oas-examples", "3.0", "file-uploads.json");
        GenerationResult result = GeneratorHarness.RunFile(path);

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "MHCG0004");
        Assert.True(result.CompileProblems.Count == 0, string.Join("\n", result.CompileProblems));
        string all = string.Join("\n", result.Sources.Select(s => s.SourceText.ToString()));
        Assert.Contains("public Task CreateAsync(Stream? content = null, CancellationToken cancellationToken = default)", all);
        Assert.Contains("apiRequest.SetStreamBody(content, \"image/png\");", all);
        Assert.Contains("public Task CreateAsync(int? orderId = null, int? userId = null, FilePart? documentFile = null, CancellationToken cancellationToken = default)", all);
        Assert.Contains("public Task UpdateAsync(IReadOnlyList<FilePart>? filename = null, CancellationToken cancellationToken = default)", all);
    }
}

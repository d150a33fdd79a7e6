using System.Collections.Generic;
using System.IO;
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

    private static readonly string FilesSpec = Scenarios.Read("forms-and-binary");

    [Fact]
    public void Form_and_binary_operations_generate_and_compile_cleanly()
    {
        GenerationResult result = GeneratorHarness.Run(FilesSpec);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.True(result.CompileProblems.Count == 0, string.Join("\n", result.CompileProblems));
        string all = result.UnqualifiedText();
        IReadOnlyList<string> signatures = result.Signatures();
        Assert.Contains("Task<ClientResult<PetsImageCreateResponse>> CreateAsync(long petId, FilePart image, string? description = null, IReadOnlyList<string>? tags = null, int? width = null, IReadOnlyList<FilePart>? extras = null, CancellationToken cancellationToken = default, RequestOptions? options = null)", signatures);
        Assert.Contains("form.AddFile(\"image\", image);", all);
        Assert.Contains("form.Add(\"width\", width is null ? null : ParameterFormatter.Format(width.Value));", all);
        Assert.Contains("apiRequest.SetMultipartBody(form);", all);

        Assert.Contains("Task<ClientResult<string>> UpdateAsync(string name, Stream content, CancellationToken cancellationToken = default, RequestOptions? options = null)", signatures);
        Assert.Contains("apiRequest.SetStreamBody(content, \"application/octet-stream\");", all);
        Assert.Contains("apiRequest.Accept = \"text/plain\";", all);
        Assert.Contains("return _pipeline.SendForStringAsync(apiRequest, options, cancellationToken);", all);

        Assert.Contains("Task<ClientResult<BinaryResponse>> GetAsync(string name, CancellationToken cancellationToken = default, RequestOptions? options = null)", signatures);
        Assert.Contains("return _pipeline.SendForBinaryAsync(apiRequest, options, cancellationToken);", all);

        Assert.Contains("Task<ClientResult> CreateAsync(Stream? content = null, string contentType = \"image/png\", CancellationToken cancellationToken = default, RequestOptions? options = null)", signatures);
        Assert.Contains("apiRequest.SetStreamBody(content, contentType);", all);
        Assert.Contains("Task<ClientResult<BinaryResponse>> CreateAsync(Stream content, string contentType = \"application/octet-stream\", CancellationToken cancellationToken = default, RequestOptions? options = null)", signatures);

        Assert.Contains("Task<ClientResult<string>> CreateAsync(string username, string password, bool? remember = null, CancellationToken cancellationToken = default, RequestOptions? options = null)", signatures);
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
    public void A_url_encoded_form_with_a_file_field_is_MHCG0017_skipped()
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
        Assert.Equal("MHCG0017", diagnostic.Id);
        Assert.Contains("the field 'file' of its url-encoded form at #/paths/~1forms/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties/file is binary", diagnostic.GetMessage());
    }

    [CorpusFact]
    public void The_file_uploads_example_generates_every_operation()
    {
        string path = Path.Combine(RepositoryPaths.Shared, "specs", "oas-examples", "3.0", "file-uploads.json");
        GenerationResult result = GeneratorHarness.RunFile(path);

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.True(result.CompileProblems.Count == 0, string.Join("\n", result.CompileProblems));
        string all = result.UnqualifiedText();
        IReadOnlyList<string> signatures = result.Signatures();
        Assert.Contains("Task<ClientResult> CreateAsync(Stream? content = null, CancellationToken cancellationToken = default, RequestOptions? options = null)", signatures);
        Assert.Contains("apiRequest.SetStreamBody(content, \"image/png\");", all);
        Assert.Contains("Task<ClientResult> CreateAsync(int? orderId = null, int? userId = null, FilePart? documentFile = null, CancellationToken cancellationToken = default, RequestOptions? options = null)", signatures);
        Assert.Contains("Task<ClientResult> UpdateAsync(IReadOnlyList<FilePart>? filename = null, CancellationToken cancellationToken = default, RequestOptions? options = null)", signatures);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Parsing;
using MagicHour.Codegen.Tests.Infrastructure;
using MagicHour.Runtime.Projects;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>
/// What <c>GenerateAsync</c> hands the runtime, as the parser decides it from the spec: the project adapter (one per
/// project type), the upload call, the create's id however the spec types it, and names that never clash.
/// </summary>
public class WorkflowContractTests
{
    [Fact]
    public void An_optional_nullable_project_id_compiles_with_warnings_as_errors()
    {
        GenerationResult result = GeneratorHarness.Run(Spec(createdId: """{ "type": "string", "nullable": true }""", idRequired: false));

        Assert.Contains("GenerateAsync(", Source(result, "V1RendersClient"));
        Compilation strict = result.Compilation.WithOptions(result.Compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        List<Diagnostic> problems = strict.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
    }

    [Fact]
    public void A_project_type_with_only_an_id_and_a_status_gets_the_runtime_defaults()
    {
        GenerationResult result = GeneratorHarness.Run(Spec());
        CompileTests.AssertClean(result);
        Type projectType = Type(result, "Project");
        object project = JsonSerializer.Deserialize("""{"id":"r1","status":"rendering"}""", projectType)!;

        ProjectState state = Adapter(result, "V1RendersClient", projectType)(project);

        Assert.Equal(("r1", "rendering", true, (int?)null, (string?)null, (string?)null), (state.Id, state.Status, state.Enabled, state.CreditsCharged, state.ErrorCode, state.ErrorMessage));
        Assert.Empty(state.DownloadUrls);
    }

    [Fact]
    public void The_adapter_reads_status_enabled_credits_downloads_and_error_through_the_generated_types()
    {
        string project = """
            {
              "type": "object",
              "required": ["id", "status", "enabled", "downloads"],
              "properties": {
                "id": { "type": "string" },
                "status": { "type": "string", "enum": ["queued", "complete", "error"] },
                "enabled": { "type": "boolean" },
                "credits_charged": { "type": "integer", "nullable": true },
                "downloads": { "type": "array", "items": { "type": "object", "required": ["url"], "properties": { "url": { "type": "string", "format": "uri" } } } },
                "error": { "type": "object", "nullable": true, "properties": { "code": { "type": "string", "enum": ["no_face"] }, "message": { "type": "string" } } }
              }
            }
            """;
        GenerationResult result = GeneratorHarness.Run(Spec(project: project));
        CompileTests.AssertClean(result);
        Type projectType = Type(result, "Project");
        object value = JsonSerializer.Deserialize(
            """{"id":"r1","status":"error","enabled":false,"credits_charged":7,"downloads":[{"url":"https://a+b.example.com/1.png"}],"error":{"code":"no_face","message":"No face"}}""",
            projectType)!;

        ProjectState state = Adapter(result, "V1RendersClient", projectType)(value);

        Assert.Equal(("r1", "error", false, 7), (state.Id, state.Status, state.Enabled, state.CreditsCharged));
        Assert.Equal(["https://a+b.example.com/1.png"], state.DownloadUrls);
        Assert.Equal(("no_face", "No face"), (state.ErrorCode, state.ErrorMessage));
    }

    [Fact]
    public void Two_creates_polled_through_one_status_operation_share_one_adapter()
    {
        string second = """
            ,
            "/v1/renders/quick": {
              "post": {
                "operationId": "renders.quick",
                "tags": ["Renders"],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RenderRequest" } } } },
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Created" } } } } }
              }
            }
            """;
        GenerationResult result = GeneratorHarness.Run(Spec(extraPaths: second));
        CompileTests.AssertClean(result);

        string all = string.Concat(result.Sources.Select(s => s.SourceText.ToString()));
        Assert.Equal(1, Count(all, "ProjectState ToProjectState("));
        Assert.Equal(2, Count(all, "V1RendersClient.ToProjectState,"));
        ClientModel model = Parse(Spec(extraPaths: second));
        Assert.Single(Operations(model.Root), o => o.ProjectAdapter is not null);
    }

    [Fact]
    public void Every_name_GenerateAsync_declares_is_clear_of_the_create_operations_parameters()
    {
        string parameters = """
            [
              { "name": "options", "in": "query", "schema": { "type": "string" } },
              { "name": "workflow", "in": "query", "schema": { "type": "string" } },
              { "name": "created", "in": "query", "schema": { "type": "string" } },
              { "name": "assets", "in": "query", "schema": { "type": "string" } },
              { "name": "shot", "in": "query", "schema": { "type": "string" } }
            ]
            """;
        string request = """
            {
              "type": "object",
              "required": ["prompt"],
              "properties": {
                "prompt": { "type": "string" },
                "assets": { "type": "object", "nullable": true, "properties": {
                  "image_file_path": { "type": "string" },
                  "shots": { "type": "array", "items": { "type": "object", "properties": { "video_file_path": { "type": "string" } } } }
                } }
              }
            }
            """;
        GenerationResult result = GeneratorHarness.Run(Spec(request: request, createParameters: parameters));
        CompileTests.AssertClean(result);

        OperationModel create = Operations(Parse(Spec(request: request, createParameters: parameters)).Root).Single(o => o.Workflow is not null);
        WorkflowModel workflow = create.Workflow!;
        string[] parameterNames = create.Parameters.Select(p => p.Name).Append(workflow.RequestParameter).ToArray();
        Assert.Equal(6, parameterNames.Distinct().Count());
        Assert.DoesNotContain(workflow.OptionsParameter, parameterNames);
        Assert.DoesNotContain(workflow.WorkflowLocal, parameterNames);
        Assert.DoesNotContain(workflow.CreatedLocal, parameterNames);
        AssetNodeModel assets = Assert.Single(workflow.Assets);
        Assert.DoesNotContain(assets.LocalName, parameterNames);
        Assert.DoesNotContain(assets.Children.Single(c => c.Kind == AssetNodeKind.ObjectList).LocalName, parameterNames);
    }

    [Fact]
    public void The_workflow_names_are_claimed_against_the_parameters_whatever_they_are_called()
    {
        // Parameters named like GenerateAsync's own names, as the parser may hand them over once it reserves nothing.
        string spec = Spec();
        ClientModel model = Parse(spec);
        string[] names = ["options", "workflow", "created", "cancellationToken", "request"];
        OperationGroupModel root = Rewrite(model.Root, o => o.OperationId != "renders.create" ? o : o with
        {
            Workflow = null,
            Parameters = names.Take(4).Select(n => new ParameterModel(n, n, ParameterLocation.Query, TypeRef.String, false, true, null)).ToImmutableEquatableArray(),
        });
        using var raw = JsonDocument.Parse(spec);
        var context = new ParseContext(raw, isSwagger2: false);

        OperationGroupModel attached = new WorkflowMapper(model.Types, new SpecInput("/specs/openapi.json", spec, null, null), context).Attach(root);

        WorkflowModel workflow = Operations(attached).Single(o => o.OperationId == "renders.create").Workflow!;
        string[] declared = [workflow.RequestParameter, workflow.OptionsParameter, workflow.CancellationTokenParameter, workflow.WorkflowLocal, workflow.CreatedLocal];
        Assert.Equal("request", workflow.RequestParameter);
        Assert.Equal(declared.Length, declared.Distinct().Count());
        Assert.Empty(declared.Skip(1).Intersect(names.Take(4)));
    }

    [Fact]
    public void Without_an_upload_operation_GenerateAsync_hands_the_runtime_no_upload_call()
    {
        GenerationResult result = GeneratorHarness.Run(Spec(withUpload: false));
        CompileTests.AssertClean(result);

        Assert.Contains("await workflow.UploadInputsAsync(null, cancellationToken)", Source(result, "V1RendersClient"));
    }

    [Fact]
    public void The_upload_call_is_built_from_the_spec_beside_the_upload_operation()
    {
        GenerationResult result = GeneratorHarness.Run(Spec());
        CompileTests.AssertClean(result);

        string uploads = Source(result, "V1FilesUploadUrlsClient");
        Assert.Contains("internal async global::System.Threading.Tasks.Task<global::System.Collections.Generic.IReadOnlyList<global::MagicHour.Runtime.Files.AssetUploadTarget>> RequestUploadUrlsAsync(", uploads);
        Assert.Contains("new V1FilesUploadUrlsClient(_pipeline).RequestUploadUrlsAsync", Source(result, "V1RendersClient"));
    }

    [Fact]
    public void A_uri_that_System_Uri_rejects_is_read_and_written_as_it_is()
    {
        Type download = CompiledClient.OurSpec.Type("ProjectDownload");
        const string json = """{"url":"https://a+b.example.com/out.png?sig=1","expires_at":"2026-01-02T03:04:05Z"}""";

        object value = JsonSerializer.Deserialize(json, download)!;

        Assert.Equal(typeof(string), download.GetProperty("Url")!.PropertyType);
        Assert.Equal("https://a+b.example.com/out.png?sig=1", download.GetProperty("Url")!.GetValue(value));
        object again = JsonSerializer.Deserialize(JsonSerializer.Serialize(value, download), download)!;
        Assert.Equal("https://a+b.example.com/out.png?sig=1", download.GetProperty("Url")!.GetValue(again));
    }

    /// <summary>A small API: one create with an asset field, its status operation, and (optionally) an upload-URL operation.</summary>
    internal static string Spec(
        string createdId = """{ "type": "string" }""",
        bool idRequired = true,
        string? project = null,
        string? request = null,
        string createParameters = "[]",
        bool withUpload = true,
        string extraPaths = "",
        string createExtensions = "")
    {
        project ??= """{ "type": "object", "required": ["id", "status"], "properties": { "id": { "type": "string" }, "status": { "type": "string" } } }""";
        request ??= """{ "type": "object", "required": ["prompt"], "properties": { "prompt": { "type": "string" }, "image_file_path": { "type": "string" } } }""";
        string upload = !withUpload ? string.Empty : """
            ,
            "/v1/files/upload-urls": {
              "post": {
                "operationId": "files.uploadUrls",
                "tags": ["Files"],
                "requestBody": { "required": true, "content": { "application/json": { "schema": {
                  "type": "object", "required": ["items"],
                  "properties": { "items": { "type": "array", "items": { "type": "object", "required": ["type", "extension"],
                    "properties": { "type": { "type": "string", "enum": ["image", "video", "audio"] }, "extension": { "type": "string" } } } } }
                } } } },
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": {
                  "type": "object", "required": ["items"],
                  "properties": { "items": { "type": "array", "items": { "type": "object", "required": ["upload_url", "file_path"],
                    "properties": { "upload_url": { "type": "string", "format": "uri" }, "file_path": { "type": "string" } } } } }
                } } } } }
              }
            }
            """;
        return $$"""
            {
              "openapi": "3.0.3",
              "info": { "title": "Render API", "version": "1" },
              "servers": [ { "url": "https://render.example.com" } ],
              "paths": {
                "/v1/renders": {
                  "post": {
                    "operationId": "renders.create",
                    "tags": ["Renders"],
                    "parameters": {{createParameters}},
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RenderRequest" } } } },
                    "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Created" } } } } }
                    {{createExtensions}}
                  }
                },
                "/v1/renders/{id}": {
                  "get": {
                    "operationId": "renders.get",
                    "tags": ["Renders"],
                    "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                    "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Project" } } } } }
                  }
                }
                {{upload}}
                {{extraPaths}}
              },
              "components": {
                "schemas": {
                  "RenderRequest": {{request}},
                  "Created": { "type": "object", "required": [{{(idRequired ? "\"id\"" : "\"credits_charged\"")}}], "properties": { "id": {{createdId}}, "credits_charged": { "type": "integer" } } },
                  "Project": {{project}}
                }
              }
            }
            """;
    }

    internal static ClientModel Parse(string spec) => SpecParser.Parse(new SpecInput("/specs/openapi.json", spec, null, null), default).Model;

    internal static IEnumerable<OperationModel> Operations(OperationGroupModel group) => group.Operations.Concat(group.Groups.SelectMany(Operations));

    private static OperationGroupModel Rewrite(OperationGroupModel group, Func<OperationModel, OperationModel> change) => group with
    {
        Operations = group.Operations.Select(change).ToImmutableEquatableArray(),
        Groups = group.Groups.Select(g => Rewrite(g, change)).ToImmutableEquatableArray(),
    };

    internal static string Source(GenerationResult result, string className) =>
        result.Sources.Declaration(className);

    private static int Count(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;

    private static Type Type(GenerationResult result, string name) => LoadedFor(result).Type(name);

    private static Func<object, ProjectState> Adapter(GenerationResult result, string className, Type projectType)
    {
        MethodInfo method = LoadedFor(result).Type(className).GetMethod("ToProjectState", BindingFlags.NonPublic | BindingFlags.Static, [projectType])!;
        return value => (ProjectState)method.Invoke(null, [value])!;
    }

    private static readonly Dictionary<GenerationResult, Assembly> Loaded = new();

    private static Assembly LoadedFor(GenerationResult result)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(result, out Assembly? assembly))
            {
                Loaded[result] = assembly = CompiledClient.Load(result.Compilation);
            }

            return assembly;
        }
    }
}

using System.IO;
using System.Linq;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Parsing;
using MagicHour.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>The generated client compiles with no error and no warning (nullable on, XML docs checked).</summary>
public class CompileTests
{
    [Fact]
    public void Our_spec_compiles_cleanly_with_seedream_obsolete()
    {
        GenerationResult result = GeneratorHarness.RunFile(RepositoryPaths.Spec);

        AssertClean(result);
        AssertObsolete(result.Compilation, "AiImageGeneratorCreateRequestModel", "Seedream", expected: true);
        AssertObsolete(result.Compilation, "AiImageGeneratorCreateRequestModel", "SeedreamV4", expected: false);
        ISymbol seedream = Member(result.Compilation, "AiImageGeneratorCreateRequestModel", "Seedream");
        string message = (string)seedream.GetAttributes().Single(a => a.AttributeClass!.Name == "ObsoleteAttribute").ConstructorArguments[0].Value!;
        Assert.Equal("'seedream' is deprecated. Use SeedreamV4 ('seedream-v4') instead.", message);
        AssertObsolete(result.Compilation, "AiImageGeneratorCreateRequestResolution", "Auto", expected: true);
    }

    [CorpusTheory]
    [InlineData("openapi-2026-02.json", 31, false)]
    [InlineData("openapi-2026-04.json", 33, true)]
    [InlineData("openapi-latest.json", 36, true)]
    [Trait("Category", "Corpus")]
    public void Published_magic_hour_documents_compile_cleanly(string file, int operations, bool seedreamDeprecated)
    {
        string path = Path.Combine(RepositoryPaths.MagicHourSpecs, file);
        GenerationResult result = GeneratorHarness.RunFile(path);
        AssertClean(result);

        ClientModel model = SpecParser.Parse(new SpecInput(path, File.ReadAllText(path), null, null), default).Model;
        Assert.Equal(operations, CountOperations(model.Root));
        AssertObsolete(result.Compilation, "AiImageGeneratorCreateRequestModel", "Seedream", expected: seedreamDeprecated);
        if (seedreamDeprecated)
        {
            AssertObsolete(result.Compilation, "AiImageGeneratorCreateRequestModel", "SeedreamV4", expected: false);
        }
    }

    /// <summary>
    /// Generated files turn the compiler's nullable analysis off for users' builds (annotations stay), as System.Text.Json's
    /// generator does; the emitters' null handling is still checked here, with the analysis turned back on.
    /// </summary>
    [Theory]
    [InlineData("spec")]
    [InlineData("union")]
    [InlineData("forms-and-binary")]
    [InlineData("workflow")]
    public void Generated_bodies_pass_nullable_analysis(string document)
    {
        GenerationResult result = document == "spec"
            ? GeneratorHarness.RunFile(RepositoryPaths.Spec)
            : GeneratorHarness.Run(Scenarios.Read(document), $"/repo/scenarios/{document}/openapi.json");
        AssertCleanWithNullableAnalysis(result);
    }

    [CorpusFact]
    [Trait("Category", "Corpus")]
    public void Latest_magic_hour_document_passes_nullable_analysis() =>
        AssertCleanWithNullableAnalysis(GeneratorHarness.RunFile(Path.Combine(RepositoryPaths.MagicHourSpecs, "openapi-latest.json")));

    [Fact]
    public void The_client_tree_follows_the_official_sdks()
    {
        GenerationResult result = GeneratorHarness.RunFile(RepositoryPaths.Spec);
        const string usage = """
            using System.Threading.Tasks;
            using MagicHour.Client;

            /// <summary>Calls the client as a user would.</summary>
            public static class Usage
            {
                /// <summary>Creates, reads and deletes.</summary>
                public static async Task<string> RunAsync(MagicHourClient client)
                {
                    AiImageEditorCreateResponse created = await client.V1.AiImageEditor.CreateAsync(new AiImageEditorCreateRequest
                    {
                        Style = new AiImageEditorCreateRequestStyle { Prompt = "Give me sunglasses" },
                        Assets = new AiImageEditorCreateRequestAssets { ImageFilePath = "api-assets/id/1234.png" },
                        AspectRatio = AiImageEditorCreateRequestAspectRatio.Ratio16x9,
                        Model = AiImageEditorCreateRequestModel.NanoBanana2,
                    });
                    ImageProjectsGetResponse project = await client.V1.ImageProjects.GetAsync(created.Id);
                    FilesUploadUrlsCreateResponse urls = await client.V1.Files.UploadUrls.CreateAsync(new FilesUploadUrlsCreateRequest
                    {
                        Items = new[] { new FilesUploadUrlsCreateRequestItem { Type = FilesUploadUrlsCreateRequestItemType.Image, Extension = "png" } },
                    });
                    await client.V1.ImageProjects.DeleteAsync(project.Id);
                    return AiImageGeneratorCreateRequestResolution.Resolution640px.Value + urls.Items[0].FilePath;
                }
            }
            """;
        CSharpCompilationWithUsage(result, usage);
    }

    [Fact]
    public void A_server_with_a_path_becomes_the_default_address_and_a_path_prefix()
    {
        const string spec = """
            {
              "openapi": "3.0.3",
              "info": { "title": "Pet Store API", "version": "1" },
              "servers": [ { "url": "https://{region}.pets.example.com/api/v3", "variables": { "region": { "default": "eu" } } } ],
              "paths": { "/pets/{id}": { "delete": {
                "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer", "format": "int64" } } ],
                "responses": { "204": { "description": "deleted" } } } } }
            }
            """;
        GenerationResult result = GeneratorHarness.Run(spec);
        AssertClean(result);
        string all = result.UnqualifiedText();
        Assert.Contains("public static Uri DefaultBaseAddress { get; } = new(\"https://eu.pets.example.com\");", all);
        Assert.Contains("new ApiRequest(HttpMethod.Delete, \"/api/v3/pets/\" + ParameterFormatter.EscapePath(ParameterFormatter.Format(id)), \"DELETE /pets/{id}\")", all);
        Assert.Contains("public partial class PetStoreClient : IDisposable", all);
    }

    internal static void AssertClean(GenerationResult result)
    {
        Assert.Null(result.GeneratorException);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.NotEmpty(result.Sources);
        Assert.True(result.CompileProblems.Count == 0, string.Join("\n", result.CompileProblems.Take(20)));
    }

    private static void AssertCleanWithNullableAnalysis(GenerationResult result)
    {
        AssertClean(result);
        Compilation compilation = result.Compilation;
        int generated = 0;
        foreach (GeneratedSourceResult source in result.Sources)
        {
            string text = source.SourceText.ToString();
            string analysed = text.Replace("#nullable enable annotations\n#nullable disable warnings\n", "#nullable enable\n");
            Assert.NotEqual(text, analysed);
            SyntaxTree tree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith(source.HintName, System.StringComparison.Ordinal));
            compilation = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(analysed)));
            generated++;
        }

        Assert.True(generated > 0);
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    private static void CSharpCompilationWithUsage(GenerationResult result, string usage)
    {
        Compilation withUsage = result.Compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(usage, GeneratorHarness.ParseOptions));
        var problems = withUsage.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static int CountOperations(OperationGroupModel group) => group.Operations.Count + group.Groups.Sum(CountOperations);

    /// <summary>A property, or an enum's known value (a static field).</summary>
    private static ISymbol Member(Compilation compilation, string type, string member)
    {
        INamedTypeSymbol symbol = compilation.GetTypeByMetadataName("MagicHour.Client." + type) ?? throw new Xunit.Sdk.XunitException($"{type} was not generated");
        return symbol.GetMembers(member).Where(m => m is IPropertySymbol or IFieldSymbol).SingleOrDefault() ?? throw new Xunit.Sdk.XunitException($"{type}.{member} was not generated");
    }

    private static void AssertObsolete(Compilation compilation, string type, string member, bool expected)
    {
        bool obsolete = Member(compilation, type, member).GetAttributes().Any(a => a.AttributeClass?.Name == "ObsoleteAttribute");
        Assert.True(expected == obsolete, $"{type}.{member} should {(expected ? string.Empty : "not ")}be [Obsolete]");
    }
}

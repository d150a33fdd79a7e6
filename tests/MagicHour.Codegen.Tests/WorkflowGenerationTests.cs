using System.Collections.Generic;
using System.IO;
using System.Linq;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Parsing;
using MagicHour.Codegen.Tests.Infrastructure;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>Which operations get a <c>GenerateAsync</c>, which status operation each polls, which fields are assets.</summary>
public class WorkflowGenerationTests
{
    [Fact]
    public void Our_spec_gets_a_workflow_for_each_create_operation()
    {
        ClientModel model = Parse(RepositoryPaths.Spec);
        var workflows = Operations(model.Root).Where(o => o.Workflow is not null).ToDictionary(o => o.OperationId);
        Assert.Equal(new[] { "aiImageEditor.createImage", "aiImageGenerator.createImage" }, workflows.Keys.OrderBy(k => k));
        WorkflowModel editor = workflows["aiImageEditor.createImage"].Workflow!;
        Assert.Equal("imageProjects.getDetails", editor.StatusOperationId);
        Assert.Equal("/v1/image-projects/{id}", editor.StatusPath);
        AssetNodeModel assets = Assert.Single(editor.Assets);
        Assert.Equal(new[] { "ImageFilePath", "ImageFilePaths" }, assets.Children.Select(c => c.PropertyName));
        Assert.Empty(workflows["aiImageGenerator.createImage"].Workflow!.Assets);
    }

    [CorpusFact]
    [Trait("Category", "Corpus")]
    public void The_published_document_gets_a_workflow_for_every_image_video_and_audio_create_operation()
    {
        string path = Path.Combine(RepositoryPaths.MagicHourSpecs, "openapi-latest.json");
        ClientModel model = Parse(path);
        List<OperationModel> creates = Operations(model.Root)
            .Where(o => o.HttpMethod == "POST" && o.Tags.Any(t => t.EndsWith("Projects")))
            .ToList();
        Assert.Equal(27, creates.Count); // 14 image, 11 video, 2 audio
        foreach (OperationModel create in creates)
        {
            Assert.True(create.Workflow is not null, create.OperationId + " has no GenerateAsync");
            string kind = create.Tags.Single(t => t.EndsWith("Projects")).Split(' ')[0].ToLowerInvariant();
            Assert.Equal($"{kind}Projects.getDetails", create.Workflow!.StatusOperationId);
        }

        Assert.Null(Operations(model.Root).Single(o => o.OperationId == "videoAssets.generatePresignedUrl").Workflow);
        CompileTests.AssertClean(GeneratorHarness.RunFile(path));
    }

    [CorpusFact]
    [Trait("Category", "Corpus")]
    public void Msbuild_metadata_adds_asset_fields_and_overrides_the_status_operation()
    {
        string path = Path.Combine(RepositoryPaths.MagicHourSpecs, "openapi-latest.json");
        var input = new SpecInput(path, File.ReadAllText(path), null, null,
            StatusOperations: "aiImageEditor.createImage=none;faceSwapPhoto.createImage=videoProjects.getDetails",
            AssetFields: "faceSwap.createVideo=assets.face_mappings[].new_face");
        ClientModel model = SpecParser.Parse(input, default).Model;
        var operations = Operations(model.Root).ToDictionary(o => o.OperationId);

        Assert.Null(operations["aiImageEditor.createImage"].Workflow);
        Assert.Equal("videoProjects.getDetails", operations["faceSwapPhoto.createImage"].Workflow!.StatusOperationId);
        AssetNodeModel assets = operations["faceSwap.createVideo"].Workflow!.Assets.Single(a => a.PropertyName == "Assets");
        AssetNodeModel mappings = assets.Children.Single(c => c.PropertyName == "FaceMappings");
        Assert.Equal(AssetNodeKind.ObjectList, mappings.Kind);
        Assert.Equal("NewFace", Assert.Single(mappings.Children).PropertyName);
    }

    [Fact]
    public void The_generator_reads_the_workflow_metadata_of_the_additional_file()
    {
        var metadata = new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.MagicHourStatusOperations"] = "aiImageEditor.createImage=none",
            ["build_metadata.AdditionalFiles.MagicHourAssetFields"] = "aiImageGenerator.createImage=name",
        };
        var compilation = GeneratorHarness.CreateCompilation("internal static class Placeholder { }");
        var driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/repo/spec/openapi.json", File.ReadAllText(RepositoryPaths.Spec), metadata) });
        var sources = driver.RunGenerators(compilation).GetRunResult().Results.Single().GeneratedSources;

        string editor = sources.Single(s => s.HintName.EndsWith(".V1AiImageEditorClient.g.cs")).SourceText.ToString();
        string generator = sources.Single(s => s.HintName.EndsWith(".V1AiImageGeneratorClient.g.cs")).SourceText.ToString();
        Assert.DoesNotContain("GenerateAsync", editor);
        Assert.Contains("workflow.AddInput(request.Name);", generator);
    }

    private static ClientModel Parse(string path) => SpecParser.Parse(new SpecInput(path, File.ReadAllText(path), null, null), default).Model;

    private static IEnumerable<OperationModel> Operations(OperationGroupModel group) => group.Operations.Concat(group.Groups.SelectMany(Operations));
}

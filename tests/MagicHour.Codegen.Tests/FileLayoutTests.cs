using System;
using System.Collections.Generic;
using System.Linq;
using MagicHour.Codegen.Tests.Infrastructure;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>
/// Generated types are grouped into few files (one per operation group, shared models in stable buckets), and the
/// grouping depends only on what the document declares, so an edit changes the files it concerns and no others.
/// </summary>
public class FileLayoutTests
{
    [Fact]
    public void Our_spec_is_one_file_per_operation_group_plus_the_root_and_shared_models()
    {
        GenerationResult result = GeneratorHarness.RunFile(RepositoryPaths.Spec);

        Assert.Equal(
            new[]
            {
                "MagicHour.Client.MagicHourClient.Models.01.g.cs",
                "MagicHour.Client.MagicHourClient.V1AiImageEditorClient.g.cs",
                "MagicHour.Client.MagicHourClient.V1AiImageGeneratorClient.g.cs",
                "MagicHour.Client.MagicHourClient.V1FilesClient.g.cs",
                "MagicHour.Client.MagicHourClient.V1ImageProjectsClient.g.cs",
                "MagicHour.Client.MagicHourClient.g.cs",
                "MagicHour.Client.MagicHourClientServiceCollectionExtensions.g.cs",
            },
            result.Sources.Select(s => s.HintName));

        // A model only one group uses sits in that group's file; one that several use, in a shared file.
        Assert.Contains("partial record AiImageEditorCreateRequest ", File(result, "V1AiImageEditorClient"));
        Assert.Contains("partial record struct ImageProjectsGetResponseStatus ", File(result, "V1ImageProjectsClient"));
        Assert.Contains("partial record ErrorBody ", File(result, "Models.01"));
    }

    [Fact]
    public void Adding_an_operation_changes_only_its_groups_file()
    {
        string spec = System.IO.File.ReadAllText(RepositoryPaths.Spec);
        const string anchor = "\"/v1/image-projects/{id}\": {";
        string added = spec.Replace(anchor, """
            "/v1/image-projects/{id}/thumbnail": {
              "get": {
                "operationId": "imageProjects.getThumbnail",
                "tags": ["Image Projects"],
                "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": { "200": { "description": "The thumbnail's address.", "content": { "application/json": { "schema": {
                  "type": "object", "required": ["url"], "properties": { "url": { "type": "string" } } } } } } }
              }
            },
            """ + anchor, StringComparison.Ordinal);
        Assert.NotEqual(spec, added);

        Dictionary<string, string> before = Texts(GeneratorHarness.RunFile(RepositoryPaths.Spec));
        GenerationResult result = GeneratorHarness.Run(added, RepositoryPaths.Spec);
        CompileTests.AssertClean(result);
        Dictionary<string, string> after = Texts(result);

        Assert.Equal(before.Keys.OrderBy(k => k, StringComparer.Ordinal), after.Keys.OrderBy(k => k, StringComparer.Ordinal));
        string[] changed = after.Where(pair => before[pair.Key] != pair.Value).Select(pair => pair.Key).ToArray();
        Assert.Equal(new[] { "MagicHour.Client.MagicHourClient.V1ImageProjectsClient.g.cs" }, changed);
        Assert.Contains("public partial class V1ImageProjectsThumbnailClient", after[changed[0]]);
        Assert.Matches(@"partial record \w*Thumbnail\w*Response : ", after[changed[0]]);
    }

    private static string File(GenerationResult result, string name) =>
        result.Sources.Single(s => s.HintName == $"MagicHour.Client.MagicHourClient.{name}.g.cs").SourceText.ToString();

    private static Dictionary<string, string> Texts(GenerationResult result) =>
        result.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
}

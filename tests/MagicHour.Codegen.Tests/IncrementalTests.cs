using System.Collections.Generic;
using System.IO;
using System.Linq;
using MagicHour.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>The pipeline re-runs only when the spec (or its options) change; an edit elsewhere re-runs nothing.</summary>
public class IncrementalTests
{
    private static readonly string[] TrackedSteps = { OpenApiClientGenerator.StepNames.SpecInputs, OpenApiClientGenerator.StepNames.ClientModels };

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached()
    {
        string spec = File.ReadAllText(RepositoryPaths.Spec);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("public class Unrelated { public int A => 1; }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/repo/spec/openapi.json", spec) });
        driver = driver.RunGenerators(compilation);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();

        SyntaxTree oldTree = compilation.SyntaxTrees.First();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(oldTree, CSharpSyntaxTree.ParseText("public class Unrelated { public int A => 2; }", GeneratorHarness.ParseOptions));
        driver = driver.RunGenerators(edited);
        GeneratorRunResult second = driver.GetRunResult().Results.Single();

        foreach (string step in TrackedSteps)
        {
            Assert.True(second.TrackedSteps.ContainsKey(step), $"step {step} is not tracked");
            foreach (IncrementalGeneratorRunStep run in second.TrackedSteps[step])
            {
                foreach ((object _, IncrementalStepRunReason reason) in run.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} re-ran with {reason}");
                }
            }
        }

        foreach ((object _, IncrementalStepRunReason reason) in second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs))
        {
            Assert.Equal(IncrementalStepRunReason.Cached, reason);
        }

        Assert.Equal(Texts(first), Texts(second));
    }

    [Fact]
    public void Editing_the_spec_regenerates()
    {
        string spec = File.ReadAllText(RepositoryPaths.Spec);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("public class Unrelated { }");
        var before = new InMemoryAdditionalText("/repo/spec/openapi.json", spec);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { before });
        driver = driver.RunGenerators(compilation);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();

        string changed = spec.Replace("\"gpt-image-2\",", "\"gpt-image-2\",\n            \"brand-new-model\",");
        Assert.NotEqual(spec, changed);
        driver = driver.ReplaceAdditionalText(before, new InMemoryAdditionalText("/repo/spec/openapi.json", changed));
        driver = driver.RunGenerators(compilation);
        GeneratorRunResult second = driver.GetRunResult().Results.Single();

        IncrementalStepRunReason reason = second.TrackedSteps[OpenApiClientGenerator.StepNames.ClientModels].Single().Outputs.Single().Reason;
        Assert.Equal(IncrementalStepRunReason.Modified, reason);
        string model = second.GeneratedSources.Declaration("AiImageGeneratorCreateRequestModel");
        Assert.Contains("public static readonly AiImageGeneratorCreateRequestModel BrandNewModel = new(\"brand-new-model\");", model);
        Assert.NotEqual(Texts(first), Texts(second));
    }

    [Fact]
    public void Other_additional_files_are_ignored_unless_opted_in()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("public class Unrelated { }");
        string spec = File.ReadAllText(RepositoryPaths.Spec);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new AdditionalText[]
        {
            new InMemoryAdditionalText("/repo/other.json", spec),
            new InMemoryAdditionalText("/repo/petstore.json", spec, new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.MagicHourCodegen"] = "true",
                ["build_metadata.AdditionalFiles.MagicHourNamespace"] = "Contoso.Pets",
                ["build_metadata.AdditionalFiles.MagicHourClientName"] = "PetsClient",
            }),
        });
        driver = driver.RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.All(result.GeneratedSources, s => Assert.StartsWith("Contoso.Pets.PetsClient", s.HintName));
        Assert.Contains(result.GeneratedSources, s => GeneratedCode.Unqualified(s.SourceText.ToString()).Contains("public partial class PetsClient : IDisposable"));
    }

    [Fact]
    public void A_whitespace_edit_of_a_spec_with_a_warning_parses_nothing_again_and_moves_the_warning()
    {
        const string spec = """
            {
              "openapi": "3.0.3",
              "info": { "title": "Pets API", "version": "1" },
              "paths": { "/pets/{id}": { "get": {
                "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": {
                  "type": "object", "properties": { "owner": { "$ref": "#/components/schemas/Missing" }, "name": { "type": "string" } } } } } } } } } }
            }
            """;
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("public class Unrelated { }");
        var before = new InMemoryAdditionalText("/repo/openapi.json", spec);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { before }).RunGenerators(compilation);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();

        driver = driver.ReplaceAdditionalText(before, new InMemoryAdditionalText("/repo/openapi.json", "\n\n" + spec.Replace(": ", ":  "))).RunGenerators(compilation);
        GeneratorRunResult second = driver.GetRunResult().Results.Single();

        // The canonical text is the same, so the document is not even parsed again; only the diagnostics are placed anew.
        Assert.Equal(IncrementalStepRunReason.Unchanged, second.TrackedSteps[OpenApiClientGenerator.StepNames.CanonicalInputs].Single().Outputs.Single().Reason);
        Assert.Equal(IncrementalStepRunReason.Cached, second.TrackedSteps[OpenApiClientGenerator.StepNames.ParseResults].Single().Outputs.Single().Reason);
        Assert.Equal(IncrementalStepRunReason.Cached, second.TrackedSteps[OpenApiClientGenerator.StepNames.ClientModels].Single().Outputs.Single().Reason);
        IncrementalGeneratorRunStep[] emitting = second.TrackedOutputSteps.SelectMany(s => s.Value).Where(step => DependsOn(step, OpenApiClientGenerator.StepNames.ClientModels)).ToArray();
        Assert.NotEmpty(emitting);
        Assert.All(emitting.SelectMany(step => step.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.Equal(Texts(first), Texts(second));

        Diagnostic warning = Assert.Single(second.Diagnostics);
        Assert.Equal("MHCG0003", warning.Id);
        Assert.Equal(Assert.Single(first.Diagnostics).Location.GetLineSpan().StartLinePosition.Line + 2, warning.Location.GetLineSpan().StartLinePosition.Line);
    }

    private static bool DependsOn(IncrementalGeneratorRunStep step, string name) =>
        step.Name == name || step.Inputs.Any(input => DependsOn(input.Source, name));

    private static List<string> Texts(GeneratorRunResult result) => result.GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText).ToList();
}

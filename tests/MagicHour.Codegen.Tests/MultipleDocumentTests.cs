using System.Collections.Generic;
using System.IO;
using System.Linq;
using MagicHour.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>Several OpenAPI documents in one project: each gets its own client, and two that would collide are told apart.</summary>
public class MultipleDocumentTests
{
    private static readonly Dictionary<string, string> OptIn = new() { ["build_metadata.AdditionalFiles.MagicHourCodegen"] = "true" };

    [Fact]
    public void Two_documents_that_generate_the_same_client_are_an_error_naming_both_and_the_others_still_generate()
    {
        string ours = File.ReadAllText(RepositoryPaths.Spec);
        AdditionalText[] files =
        {
            new InMemoryAdditionalText("/repo/a/openapi.json", ours),
            new InMemoryAdditionalText("/repo/b/openapi.json", ours.Replace("Generate and edit images with AI.", "A copy.")),
            new InMemoryAdditionalText("/repo/pets.json", Scenarios.Read("union"), OptIn),
        };

        GenerationResult result = GeneratorHarness.Run(files);

        Assert.Null(result.GeneratorException);
        Diagnostic[] errors = result.GeneratorDiagnostics.Where(d => d.Id == "MHCG0025").OrderBy(d => d.Location.GetLineSpan().Path).ToArray();
        Assert.Equal(2, errors.Length);
        Assert.All(errors, e => Assert.Equal(DiagnosticSeverity.Error, e.Severity));
        Assert.Equal(new[] { "/repo/a/openapi.json", "/repo/b/openapi.json" }, errors.Select(e => e.Location.GetLineSpan().Path));
        foreach (Diagnostic error in errors)
        {
            string message = error.GetMessage();
            Assert.Contains("'/repo/a/openapi.json'", message);
            Assert.Contains("'/repo/b/openapi.json'", message);
            Assert.Contains("MagicHour.Client.MagicHourClient", message);
            Assert.Contains("MagicHourNamespace", message);
            Assert.Contains("MagicHourClientName", message);
        }

        Assert.All(result.Sources, s => Assert.StartsWith("MagicHour.Client.PetsClient", s.HintName));
        Assert.Contains("partial record Pet ", result.Sources.Declaration("Pet"));
        Assert.True(result.CompileProblems.Count == 0, string.Join("\n", result.CompileProblems));
    }

    [Fact]
    public void Client_names_that_differ_only_in_case_clash_too()
    {
        string ours = File.ReadAllText(RepositoryPaths.Spec);
        AdditionalText[] files =
        {
            new InMemoryAdditionalText("/repo/a/openapi.json", ours),
            new InMemoryAdditionalText("/repo/b/openapi.json", ours, new Dictionary<string, string> { ["build_metadata.AdditionalFiles.MagicHourNamespace"] = "magichour.client" }),
        };

        GenerationResult result = GeneratorHarness.Run(files);

        Assert.Null(result.GeneratorException);
        Assert.Equal(2, result.GeneratorDiagnostics.Count(d => d.Id == "MHCG0025"));
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void Metadata_keeps_two_documents_apart()
    {
        string ours = File.ReadAllText(RepositoryPaths.Spec);
        AdditionalText[] files =
        {
            new InMemoryAdditionalText("/repo/a/openapi.json", ours),
            new InMemoryAdditionalText("/repo/b/openapi.json", ours, new Dictionary<string, string> { ["build_metadata.AdditionalFiles.MagicHourNamespace"] = "Contoso.Images" }),
        };

        GenerationResult result = GeneratorHarness.Run(files);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Contains(result.Sources, s => s.HintName == "MagicHour.Client.MagicHourClient.g.cs");
        Assert.Contains(result.Sources, s => s.HintName == "Contoso.Images.MagicHourClient.g.cs");
        Assert.True(result.CompileProblems.Count == 0, string.Join("\n", result.CompileProblems.Take(10)));
    }

    [Fact]
    public void Editing_one_document_beside_a_clash_re_emits_only_that_document()
    {
        string ours = File.ReadAllText(RepositoryPaths.Spec);
        var pets = new InMemoryAdditionalText("/repo/pets.json", Scenarios.Read("union"), OptIn);
        AdditionalText[] files =
        {
            new InMemoryAdditionalText("/repo/a/openapi.json", ours),
            new InMemoryAdditionalText("/repo/b/openapi.json", ours),
            pets,
            new InMemoryAdditionalText("/repo/studio.json", Scenarios.Read("workflow"), OptIn),
        };
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("public class Unrelated { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);

        var edited = new InMemoryAdditionalText("/repo/pets.json", Scenarios.Read("union").Replace("\"Pets API\"", "\"Pets API \""), OptIn);
        GeneratorRunResult second = driver.ReplaceAdditionalText(pets, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        IncrementalStepRunReason[] emitted = second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs).Select(o => o.Reason).ToArray();
        Assert.Equal(1, emitted.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.All(emitted, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Modified, r.ToString()));
        IncrementalStepRunReason[] duplicates = second.TrackedSteps[OpenApiClientGenerator.StepNames.DuplicateClients].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        Assert.True(duplicates.Single() is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, duplicates.Single().ToString());
        Assert.Equal(2, second.Diagnostics.Count(d => d.Id == "MHCG0025"));
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MagicHour.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>
/// A mistake in a workflow override (MSBuild metadata or an <c>x-magichour-*</c> extension) is a warning with its own
/// ID that names the property or points at the extension, never a silent fallback to sending a local path as it is.
/// </summary>
public class WorkflowOverrideDiagnosticTests
{
    private const string StatusMetadata = "build_metadata.AdditionalFiles.MagicHourStatusOperations";
    private const string AssetMetadata = "build_metadata.AdditionalFiles.MagicHourAssetFields";

    [Theory]
    [InlineData(StatusMetadata, "renders.create:renders.get", "MagicHourStatusOperations")]
    [InlineData(StatusMetadata, "=renders.get", "MagicHourStatusOperations")]
    [InlineData(AssetMetadata, "renders.create", "MagicHourAssetFields")]
    [InlineData(AssetMetadata, "renders.create=", "MagicHourAssetFields")]
    public void An_msbuild_entry_without_a_key_and_a_value_is_MHCG0030_naming_the_property_and_the_entry(string metadata, string entry, string property)
    {
        (ImmutableArray<Diagnostic> diagnostics, string client) = Run(WorkflowContractTests.Spec(), new() { [metadata] = entry });

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MHCG0030", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Contains(property, diagnostic.GetMessage());
        Assert.Contains($"'{entry}'", diagnostic.GetMessage());
        Assert.Contains("GenerateAsync(", client);
    }

    [Theory]
    [InlineData(StatusMetadata, "renders.craete=renders.get", "does not exist")]
    [InlineData(StatusMetadata, "renders.get=renders.get", "does not create a project")]
    [InlineData(AssetMetadata, "renders.craete=image_file_path", "does not exist")]
    public void An_msbuild_entry_for_an_operation_that_does_not_create_a_project_is_MHCG0031(string metadata, string entry, string why)
    {
        (ImmutableArray<Diagnostic> diagnostics, _) = Run(WorkflowContractTests.Spec(), new() { [metadata] = entry });

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MHCG0031", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Contains(entry, diagnostic.GetMessage());
        Assert.Contains(why, diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("renders.create=renders.gets", "no operation has that id")]
    [InlineData("renders.create=files.uploadUrls", "it is not a GET")]
    public void An_msbuild_status_operation_that_cannot_be_polled_is_MHCG0032_and_no_GenerateAsync(string entry, string why)
    {
        (ImmutableArray<Diagnostic> diagnostics, string client) = Run(WorkflowContractTests.Spec(), new() { [StatusMetadata] = entry });

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MHCG0032", diagnostic.Id);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Contains("MagicHourStatusOperations", diagnostic.GetMessage());
        Assert.Contains(why, diagnostic.GetMessage());
        Assert.DoesNotContain("GenerateAsync(", client);
    }

    [Theory]
    [InlineData("renders.create=image_file_pth")]
    [InlineData("renders.create=prompt.deeper")]
    [InlineData("renders.create=image_file_path,prompt,missing[].path")]
    public void An_msbuild_asset_field_that_names_nothing_is_MHCG0033_and_no_GenerateAsync_that_would_send_a_local_path(string entry)
    {
        (ImmutableArray<Diagnostic> diagnostics, string client) = Run(WorkflowContractTests.Spec(), new() { [AssetMetadata] = entry });

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MHCG0033", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Contains("MagicHourAssetFields", diagnostic.GetMessage());
        Assert.Contains(entry.Split('=')[1].Split(',').Last(), diagnostic.GetMessage());
        Assert.DoesNotContain("GenerateAsync(", client);
    }

    [Fact]
    public void Valid_msbuild_overrides_report_nothing()
    {
        (ImmutableArray<Diagnostic> diagnostics, string client) = Run(
            WorkflowContractTests.Spec(),
            new() { [StatusMetadata] = " renders.create = renders.get ; ", [AssetMetadata] = "renders.create=prompt" });

        Assert.Empty(diagnostics);
        Assert.Contains("workflow.AddInput(request.Prompt);", client);
    }

    [Theory]
    [InlineData("\"x-magichour-status-operation\": 42", "MHCG0030", "x-magichour-status-operation")]
    [InlineData("\"x-magichour-asset-fields\": \"image_file_path\"", "MHCG0030", "x-magichour-asset-fields")]
    [InlineData("\"x-magichour-asset-fields\": [\"image_file_path\", 7]", "MHCG0030", "x-magichour-asset-fields")]
    [InlineData("\"x-magichour-status-operation\": \"renders.gets\"", "MHCG0032", "x-magichour-status-operation")]
    [InlineData("\"x-magichour-asset-fields\": [\"image_file_pth\"]", "MHCG0033", "x-magichour-asset-fields")]
    public void A_mistake_in_an_extension_is_reported_at_the_extension(string extension, string id, string name)
    {
        string spec = WorkflowContractTests.Spec(createExtensions: ", " + extension);
        (ImmutableArray<Diagnostic> diagnostics, _) = Run(spec, new());

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains(name, diagnostic.GetMessage());
        int line = spec.Split('\n').ToList().FindIndex(l => l.Contains(name));
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void An_extension_on_an_operation_that_does_not_create_a_project_is_MHCG0031()
    {
        string spec = WorkflowContractTests.Spec().Replace(
            "\"operationId\": \"renders.get\",",
            "\"operationId\": \"renders.get\", \"x-magichour-status-operation\": \"renders.get\",");
        (ImmutableArray<Diagnostic> diagnostics, _) = Run(spec, new());

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MHCG0031", diagnostic.Id);
        Assert.Contains("renders.get", diagnostic.GetMessage());
        Assert.True(diagnostic.Location.IsInSource || diagnostic.Location.Kind == LocationKind.ExternalFile);
    }

    /// <summary>Runs the generator with MSBuild metadata on the spec file; returns its diagnostics and the create operation's client.</summary>
    private static (ImmutableArray<Diagnostic> Diagnostics, string Client) Run(string spec, Dictionary<string, string> metadata)
    {
        Compilation compilation = GeneratorHarness.CreateCompilation("internal static class Placeholder { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/repo/openapi.json", spec, metadata) });
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        List<Diagnostic> compileProblems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(compileProblems.Count == 0, string.Join("\n", compileProblems.Take(10)));
        string client = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(".V1RendersClient.g.cs")).SourceText.ToString();
        return (diagnostics, client);
    }
}

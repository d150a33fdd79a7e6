using System.Linq;
using MagicHour.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>
/// A property the spec deprecates and requires (GHES's <c>has_downloads</c>): <c>[Obsolete]</c> on a required member
/// makes every object initializer warn, which the compiler flags (CS9042) and which a consumer with warnings as errors
/// cannot get past. The getter carries it: reading the value tells the user it is deprecated, setting it does not.
/// </summary>
public class DeprecatedRequiredPropertyTests
{
    private const string Spec = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Repos API", "version": "1" },
          "paths": {},
          "components": { "schemas": { "Repository": {
            "type": "object",
            "required": ["name", "has_downloads"],
            "properties": {
              "name": { "type": "string" },
              "has_downloads": { "type": "boolean", "deprecated": true },
              "has_pages": { "type": "boolean", "deprecated": true }
            } } } }
        }
        """;

    [Fact]
    public void Compiles_without_CS9042_and_warns_where_the_value_is_read()
    {
        GenerationResult result = GeneratorHarness.Run(Spec);
        CompileTests.AssertClean(result);
        Assert.Contains(
            "public required bool HasDownloads { [global::System.Obsolete(\"The 'has_downloads' property is deprecated.\")] get; init; }",
            result.Sources.Declaration("Repository"));

        const string usage = """
            using MagicHour.Client;

            /// <summary>Uses the record as a caller would.</summary>
            public static class Usage
            {
                /// <summary>Creates one: the required property is set, with no warning.</summary>
                public static Repository Create() => new() { Name = "a", HasDownloads = true };

                /// <summary>Reads the deprecated value: a warning.</summary>
                public static bool Read(Repository repository) => repository.HasDownloads;
            }
            """;
        Compilation compilation = result.Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(usage, GeneratorHarness.ParseOptions, path: "Usage.cs"));
        Diagnostic[] warnings = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Diagnostic warning = Assert.Single(warnings);
        Assert.Equal("CS0618", warning.Id);
        Assert.Contains("has_downloads", warning.GetMessage());
        Assert.Equal(9, warning.Location.GetLineSpan().StartLinePosition.Line);
    }
}

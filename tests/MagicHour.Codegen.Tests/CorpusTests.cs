using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using MagicHour.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace MagicHour.Codegen.Tests;

/// <summary>
/// Every real document in <c>../shared/specs</c>: the generator does not throw, its output compiles with no error and no
/// warning (nullable on, every warning wave: a consumer with <c>TreatWarningsAsErrors</c> builds), and whatever it
/// cannot express is a warning placed in the document.
/// </summary>
[Trait("Category", "Corpus")]
public class CorpusTests
{
    private readonly ITestOutputHelper _output;

    public CorpusTests(ITestOutputHelper output) => _output = output;

    /// <summary>Paths relative to <c>../shared/specs</c>, so that test names stay short and stable.</summary>
    public static IEnumerable<object[]> Documents()
    {
        string root = Path.Combine(RepositoryPaths.Shared, "specs");
        if (!Directory.Exists(root))
        {
            // The theory is skipped then; xunit still wants one row.
            return new[] { new object[] { "(none)" } };
        }

        return new[] { "oas-examples/2.0", "oas-examples/3.0", "oas-examples/3.1", "magichour", "large" }
            .Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder).Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".json.gz", StringComparison.Ordinal)))
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .OrderBy(file => file, StringComparer.Ordinal)
            .Select(file => new object[] { file });
    }

    [CorpusTheory]
    [MemberData(nameof(Documents))]
    public void Generates_code_that_compiles_without_warnings_and_located_diagnostics(string document)
    {
        string path = Path.Combine(RepositoryPaths.Shared, "specs", document);
        string text = Read(path);

        var clock = Stopwatch.StartNew();
        GenerationResult result = GeneratorHarness.RunOptedIn(text, path);
        TimeSpan generation = clock.Elapsed;
        clock.Restart();
        // As a consumer with TreatWarningsAsErrors compiles it; the generator's own diagnostics are not part of the compilation.
        Compilation strict = result.Compilation.WithOptions(result.Compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        IReadOnlyList<Diagnostic> problems = strict.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        TimeSpan compile = clock.Elapsed;

        Assert.Null(result.GeneratorException);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "MHCG0006" or "MHCG0008");
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.NotEmpty(result.Sources);
        Assert.True(problems.Count == 0, $"{problems.Count} compile errors and warnings, e.g.\n" + string.Join("\n", problems.Take(15).Select(e => Describe(e))));

        foreach (Diagnostic warning in result.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning))
        {
            Assert.True(warning.Location.Kind == LocationKind.ExternalFile, $"{warning.Id} has no location: {warning.GetMessage()}");
            Assert.Equal(path, warning.Location.GetLineSpan().Path);
        }

        _output.WriteLine(Summary(document, result, generation, compile));
    }

    /// <summary>One line for the conformance table: operations, types and warnings by ID.</summary>
    private static string Summary(string document, GenerationResult result, TimeSpan generation, TimeSpan compile)
    {
        int operations = result.Compilation.SyntaxTrees
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            .Count(m => m.Identifier.Text.EndsWith("Async", StringComparison.Ordinal) && m.Identifier.Text != "GenerateAsync"
                && m.Modifiers.Any(mod => mod.Text == "public") && m.Parent is ClassDeclarationSyntax);
        int types = result.Compilation.SyntaxTrees
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            .Count(t => t.Parent is BaseNamespaceDeclarationSyntax && t is RecordDeclarationSyntax or StructDeclarationSyntax);
        string warnings = string.Join(" ", result.GeneratorDiagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"));
        return $"| {document} | {operations} | {types} | {warnings} | {generation.TotalSeconds:0.0}s | {compile.TotalSeconds:0.0}s |";
    }

    private static string Describe(Diagnostic diagnostic)
    {
        string line = diagnostic.Location.SourceTree?.GetText().Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim() ?? string.Empty;
        return $"{diagnostic.Id} {diagnostic.Location.SourceTree?.FilePath}: {diagnostic.GetMessage()}  «{line}»";
    }

    internal static string Read(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.Ordinal))
        {
            return File.ReadAllText(path);
        }

        using FileStream file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }
}

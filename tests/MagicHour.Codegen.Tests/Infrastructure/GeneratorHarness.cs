using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MagicHour.Codegen.Tests.Infrastructure;

/// <summary>Runs the generator through <see cref="CSharpGeneratorDriver"/> the way the compiler does, and compiles its output.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> additionalTexts, IReadOnlyDictionary<string, string>? globalOptions = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            additionalTexts,
            ParseOptions,
            new TestOptionsProvider(globalOptions ?? new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Generates for one spec text and compiles the result together with <paramref name="extraSources"/>.</summary>
    public static GenerationResult Run(string specText, string path = "/specs/openapi.json", IReadOnlyDictionary<string, string>? globalOptions = null, params string[] extraSources) =>
        Run(new[] { new InMemoryAdditionalText(path, specText) }, globalOptions, extraSources);

    /// <summary>
    /// Generates for <paramref name="files"/> and compiles the result together with <paramref name="extraSources"/>. Every
    /// run is checked the way the compiler will use the generator: run again on the same input, every step is cached,
    /// and the models that crossed the pipeline hold only our own equatable data.
    /// </summary>
    public static GenerationResult Run(IEnumerable<AdditionalText> files, IReadOnlyDictionary<string, string>? globalOptions = null, params string[] extraSources)
    {
        CSharpCompilation compilation = CreateCompilation(extraSources.Length == 0 ? new[] { "internal static class Placeholder { }" } : extraSources);
        GeneratorDriver driver = CreateDriver(files, globalOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics, CancellationToken.None);
        GeneratorDriverRunResult first = driver.GetRunResult();
        PipelineChecks.AssertModelsHoldOnlyOwnData(first);
        PipelineChecks.AssertRerunIsCached(driver.RunGenerators(compilation).GetRunResult());
        return new GenerationResult(first, output, generatorDiagnostics);
    }

    /// <summary>Generates for a file on disk, opted in by metadata whatever its name.</summary>
    public static GenerationResult RunFile(string path, IReadOnlyDictionary<string, string>? globalOptions = null) =>
        RunOptedIn(File.ReadAllText(path), path, globalOptions);

    /// <summary>Generates for a spec text held in memory (e.g. decompressed), opted in by metadata whatever <paramref name="path"/> is.</summary>
    public static GenerationResult RunOptedIn(string specText, string path, IReadOnlyDictionary<string, string>? globalOptions = null)
    {
        var metadata = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.MagicHourCodegen"] = "true" };
        return Run(new[] { new InMemoryAdditionalText(path, specText, metadata) }, globalOptions);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        paths.Add(typeof(MagicHour.Runtime.Http.ApiPipeline).Assembly.Location);
        return paths.Where(p => p.Length > 0 && File.Exists(p))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly TestOptions _global;

        public TestOptionsProvider(IReadOnlyDictionary<string, string> global) => _global = new TestOptions(global);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            textFile is InMemoryAdditionalText { Metadata: { } metadata } ? new TestOptions(metadata) : TestOptions.Empty;
    }

    private sealed class TestOptions : AnalyzerConfigOptions
    {
        public static readonly TestOptions Empty = new(new Dictionary<string, string>());

        private readonly IReadOnlyDictionary<string, string> _values;

        public TestOptions(IReadOnlyDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value)
        {
            bool found = _values.TryGetValue(key, out string? text);
            value = text ?? string.Empty;
            return found;
        }
    }
}

/// <summary>An AdditionalFile held in memory, with optional per-file metadata (<c>build_metadata.AdditionalFiles.*</c>).</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text, IReadOnlyDictionary<string, string>? metadata = null)
    {
        Path = path;
        _text = SourceText.From(text);
        Metadata = metadata;
    }

    public override string Path { get; }

    public IReadOnlyDictionary<string, string>? Metadata { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>What one generator run produced.</summary>
internal sealed record GenerationResult(GeneratorDriverRunResult RunResult, Compilation Compilation, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IReadOnlyList<GeneratedSourceResult> Sources => RunResult.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();

    /// <summary>Errors and warnings of compiling the generated code (the generator's own diagnostics excluded).</summary>
    public IReadOnlyList<Diagnostic> CompileProblems => Compilation.GetDiagnostics()
        .Where(d => d.Severity >= DiagnosticSeverity.Warning)
        .ToList();

    /// <summary>Errors of compiling the generated code.</summary>
    public IReadOnlyList<Diagnostic> CompileErrors => Compilation.GetDiagnostics()
        .Where(d => d.Severity == DiagnosticSeverity.Error)
        .ToList();

    public Exception? GeneratorException => RunResult.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
}

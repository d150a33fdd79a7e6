using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MagicHour.Codegen.Benchmarks;

/// <summary>
/// Runs the generator the way the compiler does: a <see cref="CSharpGeneratorDriver"/> over a one-file compilation, with
/// the spec as an AdditionalFile opted in by metadata. Only the generator's public entry point is used, so the figures
/// survive any change to what it emits.
/// </summary>
internal static class GeneratorHost
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compilation(string source = "internal static class Consumer { }") =>
        CSharpCompilation.Create("Consumer", new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Consumer.cs") });

    public static GeneratorDriver Driver(AdditionalText spec, bool trackSteps = false) => CSharpGeneratorDriver.Create(
        new[] { new OpenApiClientGenerator().AsSourceGenerator() },
        new[] { spec },
        ParseOptions,
        new OptInOptions(),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
}

/// <summary>An AdditionalFile held in memory.</summary>
internal sealed class SpecText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Opts every AdditionalFile in, whatever its name, and sets the namespace a project's RootNamespace would.</summary>
internal sealed class OptInOptions : AnalyzerConfigOptionsProvider
{
    private static readonly Options OptIn = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.MagicHourCodegen"] = "true" });

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" });

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => OptIn;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, out string value)
        {
            bool found = values.TryGetValue(key, out string? text);
            value = text ?? string.Empty;
            return found;
        }
    }
}

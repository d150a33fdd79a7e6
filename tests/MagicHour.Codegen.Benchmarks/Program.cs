using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading;
using MagicHour.Codegen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// Generator speed, measured as the compiler runs it: cold (first run in this process, JIT included), warm (a new
// driver on an already-loaded generator), and an unrelated edit (the incremental path an IDE takes on every keystroke).
// Usage: dotnet run -c Release --project tests/MagicHour.Codegen.Benchmarks [spec files...]
string root = FindRoot();
var specs = args.Length > 0 ? args.ToList() : new List<string>
{
    Path.Combine(root, "spec", "openapi.json"),
    Path.Combine(root, "..", "shared", "specs", "magichour", "openapi-latest.json"),
    Path.Combine(root, "..", "shared", "specs", "large", "ghes-3.17.json.gz"),
};

Console.WriteLine($"{"document",-28} {"files",6} {"KiB out",8} {"cold ms",8} {"warm ms",8} {"edit ms",8}");
foreach (string spec in specs.Where(File.Exists))
{
    string text = spec.EndsWith(".gz", StringComparison.Ordinal) ? Gunzip(spec) : File.ReadAllText(spec);
    var file = new SpecText(spec, text);
    CSharpCompilation compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("class A { int X => 1; }") });

    var cold = Stopwatch.StartNew();
    GeneratorDriver driver = Driver(file).RunGenerators(compilation);
    cold.Stop();
    GeneratorRunResult result = driver.GetRunResult().Results.Single();
    if (result.Exception is not null || result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
    {
        Console.WriteLine($"{Path.GetFileName(spec)}: {result.Exception?.ToString() ?? string.Join("; ", result.Diagnostics)}");
    }

    var warmTimes = new List<double>();
    for (int i = 0; i < 5; i++)
    {
        var warm = Stopwatch.StartNew();
        Driver(file).RunGenerators(compilation);
        warmTimes.Add(warm.Elapsed.TotalMilliseconds);
    }

    CSharpCompilation edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(), CSharpSyntaxTree.ParseText("class A { int X => 2; }"));
    var edit = Stopwatch.StartNew();
    driver.RunGenerators(edited);
    edit.Stop();

    long chars = result.GeneratedSources.Sum(s => (long)s.SourceText.Length);
    Console.WriteLine($"{Path.GetFileName(spec),-28} {result.GeneratedSources.Length,6} {chars / 1024,8} {cold.Elapsed.TotalMilliseconds,8:0} {Median(warmTimes),8:0} {edit.Elapsed.TotalMilliseconds,8:0.0}");
}

return 0;

static GeneratorDriver Driver(AdditionalText file) => CSharpGeneratorDriver.Create(
    new[] { new OpenApiClientGenerator().AsSourceGenerator() },
    new[] { file },
    optionsProvider: new OptInOptions());

static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);

static string Gunzip(string path)
{
    using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
    using var reader = new StreamReader(stream);
    return reader.ReadToEnd();
}

static string FindRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MagicHour.Codegen.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? Directory.GetCurrentDirectory();
}

internal sealed class SpecText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Opts every AdditionalFile in, whatever its name.</summary>
internal sealed class OptInOptions : AnalyzerConfigOptionsProvider
{
    private static readonly Options OptIn = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.MagicHourCodegen"] = "true" });

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => OptIn;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            bool found = values.TryGetValue(key, out string? text);
            value = text ?? string.Empty;
            return found;
        }
    }
}

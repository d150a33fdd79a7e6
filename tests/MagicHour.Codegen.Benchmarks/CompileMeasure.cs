using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace MagicHour.Codegen.Benchmarks;

/// <summary>
/// Compiles a tool's output in-process with Roslyn, the way <c>dotnet build</c> compiles a consumer's project: files parsed
/// in parallel, nullable enabled, every warning wave, Debug, no documentation file; against the targeting pack's
/// reference assemblies, plus MagicHour.Runtime and what it references for our output.
/// </summary>
internal static class CompileMeasure
{
    public const string Ours = "ours";
    public const string NSwag = "nswag";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    private static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999,
        optimizationLevel: OptimizationLevel.Debug,
        deterministic: true,
        specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress });

    private static readonly Dictionary<string, ImmutableArray<MetadataReference>> ReferencesByKind = new();

    /// <summary>Child process: the first compilation in this process.</summary>
    public static int ColdChild(string kind, string directory) =>
        ChildProcess.Report(Compile(Load(directory), References(kind)), ChildJson.Default.CompileRun);

    /// <summary>The first compilation in a fresh process.</summary>
    public static CompileRun Cold(string kind, string directory) =>
        ChildProcess.Run(ChildJson.Default.CompileRun, "child-compile", kind, directory).Result;

    /// <summary>
    /// Our output and NSwag's (when given) compiled in this process: one uncounted compilation of each, then
    /// <paramref name="runs"/> of each, alternately.
    /// </summary>
    public static (MedianAndSpread Ours, MedianAndSpread? NSwag) WarmSideBySide(string oursDirectory, string? nswagDirectory, int runs)
    {
        IReadOnlyList<(string Path, string Text)> ours = Load(oursDirectory);
        IReadOnlyList<(string Path, string Text)>? nswag = nswagDirectory is null ? null : Load(nswagDirectory);
        Compile(ours, References(Ours));
        if (nswag is not null)
        {
            Compile(nswag, References(NSwag));
        }

        (List<double> oursTimes, List<double> nswagTimes) = Alternately.Measure<double, double>(
            runs,
            () => Compile(ours, References(Ours)).Milliseconds,
            nswag is null ? null : () => Compile(nswag, References(NSwag)).Milliseconds);
        return (MedianAndSpread.Of(oursTimes), nswag is null ? null : MedianAndSpread.Of(nswagTimes));
    }

    /// <summary>One compilation in this process, which has compiled generated code before (see <see cref="WarmSideBySide"/>).</summary>
    public static CompileRun WarmOnce(string kind, string directory) => Compile(Load(directory), References(kind));

    /// <summary>A compilation with the options and references of the measured ones, for its diagnostics.</summary>
    public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees, string kind) =>
        CSharpCompilation.Create("Generated", trees, References(kind), Options);

    public static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path);

    private static CompileRun Compile(IReadOnlyList<(string Path, string Text)> sources, ImmutableArray<MetadataReference> references)
    {
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var trees = new SyntaxTree[sources.Count];
        Parallel.For(0, sources.Count, i => trees[i] = Parse(sources[i].Text, sources[i].Path));
        CSharpCompilation compilation = CSharpCompilation.Create("Generated", trees, references, Options);
        using var image = new MemoryStream();
        EmitResult result = compilation.Emit(image);
        clock.Stop();

        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed).ToList();
        Diagnostic? firstError = problems.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        return new CompileRun(
            clock.Elapsed.TotalMilliseconds,
            problems.Count(d => d.Severity == DiagnosticSeverity.Error),
            problems.Count(d => d.Severity == DiagnosticSeverity.Warning),
            problems.Select(d => d.Id).ToList(),
            firstError?.ToString());
    }

    private static IReadOnlyList<(string Path, string Text)> Load(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs").OrderBy(p => p, StringComparer.Ordinal).Select(p => (Path.GetFileName(p), File.ReadAllText(p))).ToList();

    /// <summary>Created once per kind, so every compilation in a process shares them, as the compiler server does.</summary>
    private static ImmutableArray<MetadataReference> References(string kind)
    {
        if (!ReferencesByKind.TryGetValue(kind, out ImmutableArray<MetadataReference> references))
        {
            ReferencesByKind[kind] = references = CreateReferences(kind);
        }

        return references;
    }

    private static ImmutableArray<MetadataReference> CreateReferences(string kind)
    {
        IEnumerable<string> paths = FrameworkReferences();
        if (kind == Ours)
        {
            string runtime = Path.Combine(AppContext.BaseDirectory, "MagicHour.Runtime.dll");
            paths = paths.Concat(File.Exists(runtime) ? Closure(runtime) : throw new FileNotFoundException("MagicHour.Runtime.dll is not beside the program", runtime));
        }

        return paths.Distinct(StringComparer.OrdinalIgnoreCase).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    /// <summary>The reference assemblies of the targeting pack for the running .NET; the running framework's when there is none.</summary>
    private static IEnumerable<string> FrameworkReferences()
    {
        string runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        string packs = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"));
        string moniker = $"net{Environment.Version.Major}.0";
        string? pack = Directory.Exists(packs)
            ? Directory.GetDirectories(packs, $"{Environment.Version.Major}.*")
                .Select(d => Path.Combine(d, "ref", moniker))
                .Where(Directory.Exists)
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(d))), out Version? v) ? v : new Version())
                .FirstOrDefault()
            : null;
        return pack is not null
            ? Directory.EnumerateFiles(pack, "*.dll")
            : ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => p.StartsWith(runtimeDirectory, StringComparison.Ordinal));
    }

    /// <summary>An assembly and, transitively, every assembly it references that sits beside this program.</summary>
    private static IEnumerable<string> Closure(string assembly)
    {
        var found = new List<string>();
        var pending = new Stack<string>(new[] { assembly });
        while (pending.TryPop(out string? path))
        {
            if (found.Contains(path, StringComparer.OrdinalIgnoreCase) || !File.Exists(path))
            {
                continue;
            }

            found.Add(path);
            using var pe = new PEReader(File.OpenRead(path));
            MetadataReader metadata = pe.GetMetadataReader();
            foreach (AssemblyReferenceHandle handle in metadata.AssemblyReferences)
            {
                pending.Push(Path.Combine(AppContext.BaseDirectory, metadata.GetString(metadata.GetAssemblyReference(handle).Name) + ".dll"));
            }
        }

        return found;
    }
}

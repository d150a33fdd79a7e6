using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MagicHour.Codegen.Benchmarks;

/// <summary>Our generator's figures: a cold run in a child process, warm runs and incremental runs in this one.</summary>
internal static class GeneratorMeasure
{
    /// <summary>Child process: one run of a fresh driver, the first thing the generator does in this process.</summary>
    public static int ColdChild(string path)
    {
        var spec = new SpecText(path, new BenchDocument(path).ReadText());
        CSharpCompilation compilation = GeneratorHost.Compilation();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        TimeSpan jitBefore = JitInfo.GetCompilationTime();
        long methodsBefore = JitInfo.GetCompiledMethodCount();
        var clock = Stopwatch.StartNew();
        GeneratorDriver driver = GeneratorHost.Driver(spec).RunGenerators(compilation);
        clock.Stop();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        long jitMethods = JitInfo.GetCompiledMethodCount() - methodsBefore;
        double jitMilliseconds = (JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds;
        Check(driver.GetRunResult().Results.Single());
        using Process self = Process.GetCurrentProcess();
        self.Refresh();
        return ChildProcess.Report(new ColdGeneration(clock.Elapsed.TotalMilliseconds, allocated, self.PeakWorkingSet64, jitMethods, jitMilliseconds), ChildJson.Default.ColdGeneration);
    }

    /// <summary>
    /// In this process (the generator already loaded and JIT-compiled by a first run, whose output goes to
    /// <paramref name="outputDirectory"/>): <paramref name="runs"/> fresh drivers; then one driver with tracked steps,
    /// given <paramref name="runs"/> unrelated edits (a C# file of the project) and up to 3 of each kind of whitespace-only
    /// spec edit.
    /// </summary>
    public static WarmGeneration Warm(BenchDocument document, int runs, string outputDirectory)
    {
        string text = document.ReadText();
        var spec = new SpecText(document.Path, text);
        CSharpCompilation compilation = GeneratorHost.Compilation();

        GeneratorRunResult first = GeneratorHost.Driver(spec).RunGenerators(compilation).GetRunResult().Results.Single();
        Check(first);
        GeneratedSize size = Write(first.GeneratedSources, outputDirectory);

        var times = new List<double>();
        var allocations = new List<long>();
        for (int i = 0; i < runs; i++)
        {
            GC.Collect();
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            GeneratorHost.Driver(spec).RunGenerators(compilation);
            times.Add(clock.Elapsed.TotalMilliseconds);
            allocations.Add(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
        }

        // Each edit is prepared untimed; the timed part is the driver's run, as the IDE runs it after an edit.
        GeneratorDriver driver = GeneratorHost.Driver(spec, trackSteps: true).RunGenerators(compilation);
        GeneratorDriver RunDriver() => driver = driver.RunGenerators(compilation);
        SyntaxTree consumer = compilation.SyntaxTrees.Single();
        var unrelated = Incremental(runs, RunDriver, i =>
        {
            SyntaxTree edited = CSharpSyntaxTree.ParseText($"internal static class Consumer {{ private const int Edit = {i}; }}", GeneratorHost.ParseOptions, path: consumer.FilePath);
            compilation = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), edited);
        });

        // Whitespace-only spec edits: newlines at the end (nothing in the document moves), then after the opening brace
        // (the API is the same, but every line below moves down, and with it every location the model holds).
        AdditionalText current = spec;
        void EditSpec(string edited)
        {
            var next = new SpecText(document.Path, edited);
            driver = driver.ReplaceAdditionalText(current, next);
            current = next;
        }

        int brace = text.IndexOf('{') + 1;
        var trailing = Incremental(Math.Min(runs, 3), RunDriver, i => EditSpec(text + new string('\n', i)));
        var shifting = Incremental(Math.Min(runs, 3), RunDriver, i => EditSpec(text[..brace] + new string('\n', i) + text[brace..]));

        return new WarmGeneration(MedianAndSpread.Of(times), MedianAndSpread.MedianOf(allocations), size, Diagnostics(first.Diagnostics), unrelated, trailing, shifting);
    }

    private static IncrementalFigures Incremental(int runs, Func<GeneratorDriver> run, Action<int> edit)
    {
        var times = new List<double>();
        var steps = new List<string>();
        for (int i = 1; i <= runs; i++)
        {
            edit(i);
            var clock = Stopwatch.StartNew();
            GeneratorDriver driver = run();
            times.Add(clock.Elapsed.TotalMilliseconds);
            steps.Add(Steps(driver.GetRunResult().Results.Single()));
        }

        return new IncrementalFigures(MedianAndSpread.Of(times), string.Join(" | ", steps.Distinct()));
    }

    /// <summary>The reasons the driver recorded for its steps and its output: "all Cached", or e.g. "Modified: A, B; Cached: C".</summary>
    private static string Steps(GeneratorRunResult run)
    {
        var reasons = run.TrackedSteps.Concat(run.TrackedOutputSteps)
            .SelectMany(pair => pair.Value.SelectMany(step => step.Outputs.Select(output => (Step: pair.Key, output.Reason))))
            .Distinct()
            .ToList();
        return reasons.Count > 0 && reasons.All(r => r.Reason == IncrementalStepRunReason.Cached)
            ? "all Cached"
            : string.Join("; ", reasons.GroupBy(r => r.Reason).OrderBy(g => g.Key)
                .Select(g => $"{g.Key}: {string.Join(", ", g.Select(r => r.Step).OrderBy(n => n, StringComparer.Ordinal))}"));
    }

    private static GeneratedSize Write(ImmutableArray<GeneratedSourceResult> sources, string directory)
    {
        Directory.CreateDirectory(directory);
        long characters = 0, lines = 0;
        foreach (GeneratedSourceResult source in sources)
        {
            string name = source.HintName.Replace('/', '_').Replace('\\', '_');
            File.WriteAllText(Path.Combine(directory, name), source.SourceText.ToString());
            characters += source.SourceText.Length;
            lines += source.SourceText.Lines.Count;
        }

        return new GeneratedSize(sources.Length, characters, lines);
    }

    private static string Diagnostics(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.IsEmpty
            ? "0"
            : string.Join(", ", diagnostics.GroupBy(d => (d.Id, d.Severity)).OrderBy(g => g.Key.Id, StringComparer.Ordinal)
                .Select(g => $"{g.Count()}× {g.Key.Id} ({g.Key.Severity.ToString().ToLowerInvariant()})"));

    private static void Check(GeneratorRunResult run)
    {
        if (run.Exception is not null)
        {
            throw new InvalidOperationException("the generator threw", run.Exception);
        }
    }
}

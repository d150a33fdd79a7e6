using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;

namespace MagicHour.Codegen.Benchmarks;

/// <summary>Measures every document with our generator and with NSwag, then prints the table.</summary>
internal static class CompareCommand
{
    public static int Run(CompareOptions options, IReadOnlyList<string> args)
    {
        var machine = Machine.Now();
        IReadOnlyList<BenchDocument> documents = options.Documents.Count > 0
            ? options.Documents.Select(d => new BenchDocument(Path.GetFullPath(d))).ToList()
            : BenchDocument.Defaults(BenchDocument.RepositoryRoot());
        string work = Path.Combine(Path.GetTempPath(), "magichour-benchmarks", "run-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));

        NSwagRunner? nswag = null;
        string? nswagProblem = options.NSwag ? null : "not run (--no-nswag)";
        if (options.NSwag)
        {
            try
            {
                Progress($"installing or finding nswag@{NSwagRunner.Version} (npm)");
                nswag = NSwagRunner.Install();
            }
            catch (Exception e) when (e is InvalidOperationException or Win32Exception or IOException)
            {
                nswagProblem = "not run: " + e.Message.Split('\n')[0];
                Progress("NSwag " + nswagProblem);
            }
        }

        var figures = new List<DocumentFigures>();
        var skipped = new List<string>();
        foreach (BenchDocument document in documents)
        {
            if (!File.Exists(document.Path))
            {
                skipped.Add(document.Path);
                Progress($"{document.Path}: not found, skipped");
                continue;
            }

            figures.Add(Measure(document, Path.Combine(work, document.Name), options, nswag, nswagProblem));
        }

        Report.Print(Console.Out, machine, Machine.Now(), args, options, nswag?.Description, figures, skipped);
        if (options.Keep)
        {
            Console.WriteLine($"\nGenerated code kept in {work}");
        }
        else if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        return 0;
    }

    private static DocumentFigures Measure(BenchDocument document, string directory, CompareOptions options, NSwagRunner? nswag, string? nswagProblem)
    {
        string ours = Path.Combine(directory, "ours");
        string emitted = Path.Combine(directory, "nswag");
        string output = Path.Combine(emitted, "NSwagClient.cs");
        string? json = null;
        if (nswag is not null)
        {
            Directory.CreateDirectory(emitted);
            json = document.JsonFile(directory);
        }

        NSwagRun? GenerateWithNSwag()
        {
            if (nswagProblem is not null)
            {
                return null;
            }

            try
            {
                return nswag!.Generate(json!, output, options.NSwagArguments);
            }
            catch (InvalidOperationException e)
            {
                nswagProblem = "failed: " + e.Message.Split('\n')[0];
                Progress($"{document.Name}: NSwag {nswagProblem}");
                return null;
            }
        }

        Progress($"{document.Name}: generation, cold ({options.ColdRuns} fresh process(es) each, ours and NSwag's alternately)");
        (List<(ColdGeneration Result, double WallMilliseconds)> oursCold, List<NSwagRun?> nswagCold) = Alternately.Measure<(ColdGeneration, double), NSwagRun?>(
            options.ColdRuns,
            () => ChildProcess.Run(ChildJson.Default.ColdGeneration, "child-generate", document.Path),
            nswag is null ? null : GenerateWithNSwag);
        var oursGeneration = new ColdGenerationFigures(
            MedianAndSpread.Of(oursCold.Select(r => r.Result.Milliseconds)),
            MedianAndSpread.Of(oursCold.Select(r => r.WallMilliseconds)),
            MedianAndSpread.MedianOf(oursCold.Select(r => r.Result.PeakWorkingSetBytes)),
            MedianAndSpread.MedianOf(oursCold.Select(r => r.Result.AllocatedBytes)),
            MedianAndSpread.MedianOf(oursCold.Select(r => r.Result.JitMethods)),
            MedianAndSpread.Of(oursCold.Select(r => r.Result.JitMilliseconds)).Median);

        Progress($"{document.Name}: our generator, warm and incremental ({options.WarmRuns} runs each)");
        WarmGeneration warm = GeneratorMeasure.Warm(document, options.WarmRuns, ours);

        NSwagRepairs? repairs = null;
        string? nswagCompiled = null;
        if (nswagProblem is null && nswagCold.Count > 0)
        {
            Progress($"{document.Name}: repairing NSwag's output (a copy beside it)");
            repairs = NSwagRepair.Repair(emitted, Path.Combine(directory, "nswag-repaired"));
            nswagCompiled = repairs is { Changed: true, Compiles: true } ? Path.Combine(directory, "nswag-repaired") : emitted;
        }

        Progress($"{document.Name}: compiling the outputs, cold (a fresh process each: ours, then NSwag's)");
        CompileRun oursColdCompile = CompileMeasure.Cold(CompileMeasure.Ours, ours);
        CompileRun? nswagColdCompile = nswagCompiled is null ? null : CompileMeasure.Cold(CompileMeasure.NSwag, nswagCompiled);
        Progress($"{document.Name}: compiling the outputs, warm ({options.CompileRuns} each after one uncounted, alternately)");
        (MedianAndSpread oursWarmCompile, MedianAndSpread? nswagWarmCompile) = CompileMeasure.WarmSideBySide(ours, nswagCompiled, options.CompileRuns);

        NSwagFigures? nswagFigures = null;
        if (repairs is not null && nswagColdCompile is not null && nswagWarmCompile is not null)
        {
            CompileFigures? asEmitted = null;
            if (nswagCompiled != emitted)
            {
                Progress($"{document.Name}: compiling NSwag's output as emitted (cold, then warm once)");
                CompileRun cold = CompileMeasure.Cold(CompileMeasure.NSwag, emitted);
                asEmitted = new CompileFigures(cold, MedianAndSpread.Of(new[] { CompileMeasure.WarmOnce(CompileMeasure.NSwag, emitted).Milliseconds }));
            }

            List<NSwagRun> runs = nswagCold.OfType<NSwagRun>().ToList();
            var generation = new ColdGenerationFigures(
                MedianAndSpread.Of(runs.Select(r => r.DurationMilliseconds)),
                MedianAndSpread.Of(runs.Select(r => r.WallMilliseconds)),
                MedianAndSpread.MedianOf(runs.Select(r => r.PeakWorkingSetBytes)),
                null);
            string text = File.ReadAllText(output);
            var size = new GeneratedSize(1, text.Length, text.Count(c => c == '\n') + (text.EndsWith('\n') ? 0 : 1));
            nswagFigures = new NSwagFigures(generation, size, repairs, new CompileFigures(nswagColdCompile, nswagWarmCompile), asEmitted);
        }

        return new DocumentFigures(document, oursGeneration, warm, new CompileFigures(oursColdCompile, oursWarmCompile), nswagFigures, nswagFigures is null ? nswagProblem : null);
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}

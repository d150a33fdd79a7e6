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
        Progress($"{document.Name}: our generator, cold ({options.ColdRuns} fresh process(es))");
        var cold = Enumerable.Range(0, options.ColdRuns)
            .Select(_ => ChildProcess.Run(ChildJson.Default.ColdGeneration, "child-generate", document.Path))
            .OrderBy(run => run.Result.Milliseconds)
            .ElementAt(options.ColdRuns / 2);
        Progress($"{document.Name}: our generator, warm and incremental ({options.WarmRuns} runs each)");
        WarmGeneration warm = GeneratorMeasure.Warm(document, options.WarmRuns, ours);
        Progress($"{document.Name}: compiling our output ({warm.Size.Files} files)");
        CompileFigures oursCompile = CompileMeasure.Measure(CompileMeasure.Ours, ours, options.CompileRuns);

        NSwagRun? nswagRun = null;
        GeneratedSize? nswagSize = null;
        CompileFigures? nswagCompile = null;
        if (nswag is not null)
        {
            try
            {
                string output = Path.Combine(directory, "nswag", "NSwagClient.cs");
                Directory.CreateDirectory(Path.GetDirectoryName(output)!);
                string json = document.JsonFile(directory);
                Progress($"{document.Name}: NSwag ({options.ColdRuns} run(s))");
                nswagRun = Enumerable.Range(0, options.ColdRuns)
                    .Select(_ => nswag.Generate(json, output, options.NSwagArguments))
                    .OrderBy(run => run.DurationMilliseconds)
                    .ElementAt(options.ColdRuns / 2);
                string text = File.ReadAllText(output);
                nswagSize = new GeneratedSize(1, text.Length, text.Count(c => c == '\n') + (text.EndsWith('\n') ? 0 : 1));
                Progress($"{document.Name}: compiling NSwag's output");
                nswagCompile = CompileMeasure.Measure(CompileMeasure.NSwag, Path.GetDirectoryName(output)!, options.CompileRuns);
            }
            catch (InvalidOperationException e)
            {
                nswagProblem = "failed: " + e.Message.Split('\n')[0];
                Progress($"{document.Name}: NSwag {nswagProblem}");
            }
        }

        return new DocumentFigures(document, cold.Result, cold.WallMilliseconds, warm, oursCompile, nswagRun, nswagSize, nswagCompile, nswagRun is null ? nswagProblem : null);
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}

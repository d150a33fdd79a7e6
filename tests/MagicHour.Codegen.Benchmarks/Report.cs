using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace MagicHour.Codegen.Benchmarks;

/// <summary>The side-by-side table, in Markdown, ready for the README.</summary>
internal static class Report
{
    private const string None = "—";

    public static void Print(
        TextWriter output,
        Machine start,
        Machine end,
        IReadOnlyList<string> args,
        CompareOptions options,
        string? nswag,
        IReadOnlyList<DocumentFigures> documents,
        IReadOnlyList<string> skipped)
    {
        output.WriteLine($"- Date: {start.Time:yyyy-MM-dd HH:mm} UTC. Machine: {start.Description}.");
        output.WriteLine($"- Load average (1, 5, 15 min): {start.LoadAverage ?? "n/a"} at the start, {end.LoadAverage ?? "n/a"} at the end; on a shared machine the times are upper bounds.");
        output.WriteLine($"- Command: `dotnet run -c Release --project tests/MagicHour.Codegen.Benchmarks -- {string.Join(' ', args)}`".Replace(" -- `", "`"));
        string nswagArguments = string.Join(' ', NSwagRunner.Arguments("<document>.json", "<output>.cs").Concat(options.NSwagArguments));
        output.WriteLine($"- NSwag: {nswag ?? "not run"}: `{nswagArguments}`, otherwise its defaults.");
        output.WriteLine(
            $"- Cold: a fresh process per run ({options.ColdRuns} run(s), median): ours is the generator driver's first run, JIT included; NSwag's is the Duration it reports. " +
            $"Warm: median of {options.WarmRuns} fresh drivers in a process that has run the generator. Compile: Roslyn in-process, as `dotnet build` compiles a project " +
            $"(nullable, all warning waves, Debug, no doc file), cold = first compilation in a fresh process, warm = median of {options.CompileRuns}. Ratios: ours ÷ NSwag (below 1: ours is smaller or faster).");
        foreach (string path in skipped)
        {
            output.WriteLine($"- Not found, skipped: {path}");
        }

        output.WriteLine();
        output.WriteLine("| document | figure | ours | NSwag | ours ÷ NSwag |");
        output.WriteLine("|---|---|---:|---:|---:|");
        foreach (DocumentFigures d in documents)
        {
            string name = d.Document.Name;
            void Row(string figure, string ours, string theirs, string ratio)
            {
                output.WriteLine($"| {name} | {figure} | {ours} | {theirs} | {ratio} |");
                name = string.Empty;
            }

            NSwagRun? n = d.NSwag;
            Row("generation, cold (ms)", Ms(d.OursCold.Milliseconds), n is null ? d.NSwagProblem ?? None : Ms(n.DurationMilliseconds), Ratio(d.OursCold.Milliseconds, n?.DurationMilliseconds));
            Row("generation, warm (ms)", Ms(d.Ours.MedianMilliseconds), None, Ratio(d.Ours.MedianMilliseconds, n?.DurationMilliseconds) + (n is null ? "" : " of NSwag's cold"));
            Row("whole process, wall (ms)", Ms(d.OursColdWallMilliseconds), n is null ? None : Ms(n.WallMilliseconds), Ratio(d.OursColdWallMilliseconds, n?.WallMilliseconds));
            Row("peak working set (MB)", Mb(d.OursCold.PeakWorkingSetBytes), n is null ? None : Mb(n.PeakWorkingSetBytes), Ratio(d.OursCold.PeakWorkingSetBytes, n?.PeakWorkingSetBytes));
            Row("allocated by generation, cold / warm (MB)", $"{Mb(d.OursCold.AllocatedBytes)} / {Mb(d.Ours.MedianAllocatedBytes)}", None, None);
            Row("generated files", Count(d.Ours.Size.Files), Count(d.NSwagSize?.Files), Ratio(d.Ours.Size.Files, d.NSwagSize?.Files));
            Row("generated characters", Count(d.Ours.Size.Characters), Count(d.NSwagSize?.Characters), Ratio(d.Ours.Size.Characters, d.NSwagSize?.Characters));
            Row("generated lines", Count(d.Ours.Size.Lines), Count(d.NSwagSize?.Lines), Ratio(d.Ours.Size.Lines, d.NSwagSize?.Lines));
            Row("compile of the output, cold (ms)", Ms(d.OursCompile.ColdMilliseconds), Ms(d.NSwagCompile?.ColdMilliseconds), Ratio(d.OursCompile.ColdMilliseconds, d.NSwagCompile?.ColdMilliseconds));
            Row("compile of the output, warm (ms)", Ms(d.OursCompile.WarmMilliseconds), Ms(d.NSwagCompile?.WarmMilliseconds), Ratio(d.OursCompile.WarmMilliseconds, d.NSwagCompile?.WarmMilliseconds));
            Row("compile errors and warnings", d.OursCompile.Problems, d.NSwagCompile?.Problems ?? None, None);
            Row("generator diagnostics", d.Ours.Diagnostics, None, None);
            Row("unrelated edit (ms, median; steps)", Incremental(d.Ours.UnrelatedEdit), None, None);
            Row("spec edit: newline at the end (ms, median; steps)", Incremental(d.Ours.TrailingWhitespaceEdit), None, None);
            Row("spec edit: newline at the top, lines move (ms, median; steps)", Incremental(d.Ours.ShiftingWhitespaceEdit), None, None);
        }

        foreach (DocumentFigures d in documents)
        {
            foreach ((string tool, CompileFigures? compile) in new[] { ("our", d.OursCompile), ("NSwag's", d.NSwagCompile) })
            {
                if (compile?.Result.FirstError is string error)
                {
                    output.WriteLine();
                    output.WriteLine($"{d.Document.Name}: {tool} output does not compile, so its compile times are understated (Roslyn binds code with errors " +
                        $"but generates no IL for it). First error: `{error}`");
                }
            }
        }
    }

    private static string Ms(double? milliseconds) => milliseconds switch
    {
        null => None,
        < 10 => milliseconds.Value.ToString("0.00", CultureInfo.InvariantCulture),
        < 100 => milliseconds.Value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => milliseconds.Value.ToString("N0", CultureInfo.InvariantCulture),
    };

    private static string Incremental(IncrementalFigures figures) => $"{Ms(figures.MedianMilliseconds)}; {figures.Steps}";

    private static string Mb(long bytes) => (bytes / 1e6).ToString("N0", CultureInfo.InvariantCulture);

    private static string Count(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? None;

    private static string Ratio(double ours, double? theirs) =>
        theirs is > 0 ? (ours / theirs.Value).ToString(ours / theirs.Value < 0.1 ? "0.000" : "0.00", CultureInfo.InvariantCulture) + "×" : None;
}

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
        output.WriteLine($"- Compiler: {SdkCompiler.Description} (ReadyToRun, with server GC, as `dotnet build` runs it), for our generator's runs and both compilations.");
        output.WriteLine($"- NSwag: {nswag ?? "not run"}: `{nswagArguments}`, otherwise its defaults.");
        output.WriteLine(
            $"- Generation, cold: a fresh process per run, ours and NSwag's alternately ({options.ColdRuns} each): ours is the generator driver's first run (the compiler's own code is ReadyToRun, as in `dotnet build`; our generator's and Microsoft.OpenApi's are JIT-compiled, and counted); NSwag's is the Duration it reports. " +
            $"Warm: {options.WarmRuns} fresh drivers in a process that has run the generator. Compile: Roslyn in-process, as `dotnet build` compiles a project " +
            $"(nullable, all warning waves, Debug, no doc file), cold = the first compilation in a fresh process (one run each), warm = {options.CompileRuns} runs each after one uncounted, " +
            "ours and NSwag's alternately in one process. NSwag's compile figures are those of its output repaired so that it compiles (see the notes under the table). " +
            "Times: median (min–max) of the runs. Ratios: of the medians, ours ÷ NSwag (below 1: ours is smaller or faster).");
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

            NSwagFigures? n = d.NSwag;
            Row("generation, cold (ms)", Timed(d.OursCold.Milliseconds), n is null ? d.NSwagProblem ?? None : Timed(n.Generation.Milliseconds), Ratio(d.OursCold.Milliseconds, n?.Generation.Milliseconds));
            Row("generation, warm (ms)", Timed(d.Ours.Milliseconds), None, Ratio(d.Ours.Milliseconds, n?.Generation.Milliseconds) + (n is null ? "" : " of NSwag's cold"));
            Row("whole process, wall (ms)", Timed(d.OursCold.WallMilliseconds), Timed(n?.Generation.WallMilliseconds), Ratio(d.OursCold.WallMilliseconds, n?.Generation.WallMilliseconds));
            Row("peak working set (MB, median)", Mb(d.OursCold.PeakWorkingSetBytes), n is null ? None : Mb(n.Generation.PeakWorkingSetBytes), Ratio(d.OursCold.PeakWorkingSetBytes, n?.Generation.PeakWorkingSetBytes));
            Row("cold generation: methods JIT-compiled / JIT time (ms, median)", $"{d.OursCold.JitMethods:N0} / {d.OursCold.JitMilliseconds:N0}", None, None);
            Row("allocated by generation, cold / warm (MB, median)", $"{Mb(d.OursCold.AllocatedBytes ?? 0)} / {Mb(d.Ours.MedianAllocatedBytes)}", None, None);
            Row("generated files", Count(d.Ours.Size.Files), Count(n?.Size.Files), Ratio(d.Ours.Size.Files, n?.Size.Files));
            Row("generated characters", Count(d.Ours.Size.Characters), Count(n?.Size.Characters), Ratio(d.Ours.Size.Characters, n?.Size.Characters));
            Row("generated lines", Count(d.Ours.Size.Lines), Count(n?.Size.Lines), Ratio(d.Ours.Size.Lines, n?.Size.Lines));
            Row("compile of the output, cold (ms)", Ms(d.OursCompile.Cold.Milliseconds), Ms(n?.Compile.Cold.Milliseconds), Ratio(d.OursCompile.Cold.Milliseconds, n?.Compile.Cold.Milliseconds));
            Row("compile of the output, warm (ms)", Timed(d.OursCompile.Warm), Timed(n?.Compile.Warm), Ratio(d.OursCompile.Warm, n?.Compile.Warm));
            Row("compile errors and warnings", Problems(d.OursCompile.Cold), n is null ? None : Problems(n.Compile.Cold) + (n.CompiledRepaired ? " (repaired)" : ""), None);
            Row("generator diagnostics", d.Ours.Diagnostics, None, None);
            Row("unrelated edit (ms; steps)", Incremental(d.Ours.UnrelatedEdit), None, None);
            Row("spec edit: newline at the end (ms; steps)", Incremental(d.Ours.TrailingWhitespaceEdit), None, None);
            Row("spec edit: newline at the top, lines move (ms; steps)", Incremental(d.Ours.ShiftingWhitespaceEdit), None, None);
        }

        foreach (DocumentFigures d in documents)
        {
            if (d.NSwag is NSwagFigures n)
            {
                output.WriteLine();
                output.WriteLine($"{d.Document.Name}: " + RepairNote(n));
            }

            foreach ((string tool, CompileRun? compiled) in new[] { ("our", d.OursCompile.Cold), ("NSwag's", d.NSwag?.Compile.Cold) })
            {
                if (compiled?.FirstError is string error)
                {
                    output.WriteLine();
                    output.WriteLine($"{d.Document.Name}: {tool} output does not compile, so its compile times are understated ({NoIL}). First error: `{error}`");
                }
            }
        }
    }

    private const string NoIL = "Roslyn binds code with errors but generates no IL for it";

    /// <summary>What was repaired in NSwag's output, and how the output as emitted compiled, so that nothing is hidden.</summary>
    private static string RepairNote(NSwagFigures n)
    {
        NSwagRepairs repairs = n.Repairs;
        if (!repairs.Changed && repairs.Compiles)
        {
            return "NSwag's output compiles as emitted; nothing repaired.";
        }

        var repaired = repairs.Rewrites.Select(r => $"{Count(r.Count)} {r.What}{(r.Count == 1 ? "" : "s")} rewritten (`{r.Before}` → `{r.After}`)").ToList();
        if (repairs.StubbedTypes.Count > 0)
        {
            repaired.Add($"{Count(repairs.StubbedTypes.Count)} missing type{(repairs.StubbedTypes.Count == 1 ? "" : "s")} (CS0246) declared empty in {NSwagRepair.StubFile}: " +
                $"{string.Join(", ", repairs.StubbedTypes)} (found in {repairs.Compilations} compilations)");
        }

        string what = string.Join("; ", repaired);
        if (!repairs.Compiles)
        {
            return $"NSwag's output could not be repaired so that it compiles ({(what.Length > 0 ? what + "; " : "")}{Tally(repairs.RemainingErrors, "error", repairs.RemainingErrorIds)} " +
                $"remain, first: `{repairs.FirstRemainingError}`), so its compile figures above are those of the output as emitted.";
        }

        CompileFigures asEmitted = n.AsEmittedCompile!;
        return $"NSwag's compile figures are those of its output repaired in a copy so that it compiles and emits IL like ours: {what}. " +
            $"As emitted: compile cold {Ms(asEmitted.Cold.Milliseconds)} ms, warm {Ms(asEmitted.Warm.Median)} ms (one run each), {Problems(asEmitted.Cold)}" +
            (asEmitted.Cold.FirstError is string error ? $", first: `{error}`; times understated, as {NoIL}." : ".");
    }

    private static string Problems(CompileRun run) =>
        run.Errors == 0 && run.Warnings == 0
            ? "0"
            : $"{run.Errors} errors, {run.Warnings} warnings" + (run.ProblemIds.Count > 0 ? $" ({Ids(run.ProblemIds)})" : "");

    private static string Tally(int count, string what, IReadOnlyList<string> ids) =>
        $"{Count(count)} {what}{(count == 1 ? "" : "s")}" + (ids.Count > 0 ? $" ({Ids(ids)})" : "");

    private static string Ids(IReadOnlyList<string> ids) =>
        string.Join(", ", ids.GroupBy(id => id).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, System.StringComparer.Ordinal).Take(4).Select(g => $"{g.Count()}× {g.Key}"));

    private static string Timed(MedianAndSpread? times) => times switch
    {
        null => None,
        { Runs: 1 } => Ms(times.Median),
        _ => $"{Ms(times.Median)} ({Ms(times.Min)}–{Ms(times.Max)})",
    };

    private static string Ms(double? milliseconds) => milliseconds switch
    {
        null => None,
        < 10 => milliseconds.Value.ToString("0.00", CultureInfo.InvariantCulture),
        < 100 => milliseconds.Value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => milliseconds.Value.ToString("N0", CultureInfo.InvariantCulture),
    };

    private static string Incremental(IncrementalFigures figures) => $"{Timed(figures.Milliseconds)}; {figures.Steps}";

    private static string Mb(long bytes) => (bytes / 1e6).ToString("N0", CultureInfo.InvariantCulture);

    private static string Count(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? None;

    private static string Ratio(MedianAndSpread ours, MedianAndSpread? theirs) => Ratio(ours.Median, theirs?.Median);

    private static string Ratio(double ours, double? theirs) =>
        theirs is > 0 ? (ours / theirs.Value).ToString(ours / theirs.Value < 0.1 ? "0.000" : "0.00", CultureInfo.InvariantCulture) + "×" : None;
}

using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace MagicHour.Codegen.Benchmarks;

/// <summary>The median of several timed runs and their range (min–max), so a reader sees the noise.</summary>
internal sealed record MedianAndSpread(double Median, double Min, double Max, int Runs)
{
    /// <summary>The middle value (the upper one of the two middle values for an even count).</summary>
    public static MedianAndSpread Of(IEnumerable<double> values)
    {
        List<double> sorted = values.Order().ToList();
        return new MedianAndSpread(sorted[sorted.Count / 2], sorted[0], sorted[^1], sorted.Count);
    }

    public static long MedianOf(IEnumerable<long> values)
    {
        List<long> sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

/// <summary>
/// A first run of the generator in a fresh process (JIT included), as the child reports it, with how many methods the
/// JIT compiled during the run and the time it spent on them (<see cref="System.Runtime.JitInfo"/>).
/// </summary>
internal sealed record ColdGeneration(double Milliseconds, long AllocatedBytes, long PeakWorkingSetBytes, long JitMethods, double JitMilliseconds);

/// <summary>
/// A tool's cold generations, one fresh process each: the generation time (ours: the driver's first run; NSwag's: the
/// Duration it reports), the process's wall time, its peak working set and (ours only) what the generation allocated.
/// </summary>
internal sealed record ColdGenerationFigures(MedianAndSpread Milliseconds, MedianAndSpread WallMilliseconds, long PeakWorkingSetBytes, long? AllocatedBytes, long? JitMethods = null, double? JitMilliseconds = null);

/// <summary>One compilation of generated code.</summary>
internal sealed record CompileRun(double Milliseconds, int Errors, int Warnings, IReadOnlyList<string> ProblemIds, string? FirstError);

/// <summary>How much code a tool wrote.</summary>
internal sealed record GeneratedSize(int Files, long Characters, long Lines);

/// <summary>Incremental runs of one driver and what its tracked steps said about them.</summary>
internal sealed record IncrementalFigures(MedianAndSpread Milliseconds, string Steps);

/// <summary>Our generator in this process: fresh drivers on a warm generator, and incremental runs of one driver.</summary>
internal sealed record WarmGeneration(
    MedianAndSpread Milliseconds,
    long MedianAllocatedBytes,
    GeneratedSize Size,
    string Diagnostics,
    IncrementalFigures UnrelatedEdit,
    IncrementalFigures TrailingWhitespaceEdit,
    IncrementalFigures ShiftingWhitespaceEdit);

/// <summary>One NSwag run: its own reported Duration, the process's wall time and peak working set.</summary>
internal sealed record NSwagRun(double DurationMilliseconds, double WallMilliseconds, long PeakWorkingSetBytes);

/// <summary>Compiling one tool's output: cold (the first compilation in a fresh process) and warm (in this process).</summary>
internal sealed record CompileFigures(CompileRun Cold, MedianAndSpread Warm);

/// <summary>A rewrite <see cref="NSwagRepair"/> applied: what it fixes, how often, and its first match before and after.</summary>
internal sealed record AppliedRewrite(string What, int Count, string Before, string After);

/// <summary>What <see cref="NSwagRepair"/> changed in NSwag's output, and the errors a compilation of the result still has.</summary>
internal sealed record NSwagRepairs(
    IReadOnlyList<AppliedRewrite> Rewrites,
    IReadOnlyList<string> StubbedTypes,
    int Compilations,
    int RemainingErrors,
    IReadOnlyList<string> RemainingErrorIds,
    string? FirstRemainingError)
{
    public bool Changed => Rewrites.Count > 0 || StubbedTypes.Count > 0;

    public bool Compiles => RemainingErrors == 0;
}

/// <summary>NSwag's side of one document.</summary>
internal sealed record NSwagFigures(
    ColdGenerationFigures Generation,
    GeneratedSize Size,
    NSwagRepairs Repairs,
    CompileFigures Compile,
    CompileFigures? AsEmittedCompile)
{
    /// <summary>True when the compile figures are of the repaired output (a copy beside the output as emitted).</summary>
    public bool CompiledRepaired => Repairs is { Changed: true, Compiles: true };
}

/// <summary>Everything measured for one document.</summary>
internal sealed record DocumentFigures(
    BenchDocument Document,
    ColdGenerationFigures OursCold,
    WarmGeneration Ours,
    CompileFigures OursCompile,
    NSwagFigures? NSwag,
    string? NSwagProblem);

[JsonSerializable(typeof(ColdGeneration))]
[JsonSerializable(typeof(CompileRun))]
internal sealed partial class ChildJson : JsonSerializerContext;

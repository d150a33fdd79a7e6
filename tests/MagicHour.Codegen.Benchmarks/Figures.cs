using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace MagicHour.Codegen.Benchmarks;

/// <summary>A first run of the generator in a fresh process (JIT included), as the child reports it.</summary>
internal sealed record ColdGeneration(double Milliseconds, long AllocatedBytes, long PeakWorkingSetBytes);

/// <summary>One compilation of generated code, as the child reports it.</summary>
internal sealed record CompileRun(double Milliseconds, int Errors, int Warnings, IReadOnlyList<string> ProblemIds, string? FirstError);

/// <summary>How much code a tool wrote.</summary>
internal sealed record GeneratedSize(int Files, long Characters, long Lines);

/// <summary>Median time of an incremental run and what the driver's tracked steps said about it.</summary>
internal sealed record IncrementalFigures(double MedianMilliseconds, string Steps);

/// <summary>Our generator in this process: fresh drivers on a warm generator, and incremental runs of one driver.</summary>
internal sealed record WarmGeneration(
    double MedianMilliseconds,
    long MedianAllocatedBytes,
    GeneratedSize Size,
    string Diagnostics,
    IncrementalFigures UnrelatedEdit,
    IncrementalFigures TrailingWhitespaceEdit,
    IncrementalFigures ShiftingWhitespaceEdit);

/// <summary>One NSwag run: its own reported Duration, the process's wall time and peak working set.</summary>
internal sealed record NSwagRun(double DurationMilliseconds, double WallMilliseconds, long PeakWorkingSetBytes);

/// <summary>Compiling one tool's output: cold (a fresh process) and warm (median in this process).</summary>
internal sealed record CompileFigures(double ColdMilliseconds, double WarmMilliseconds, CompileRun Result)
{
    public string Problems => Result.Errors == 0 && Result.Warnings == 0
        ? "0"
        : $"{Result.Errors} errors, {Result.Warnings} warnings" + (Result.ProblemIds.Count > 0
            ? " (" + string.Join(", ", Result.ProblemIds.GroupBy(id => id).OrderByDescending(g => g.Count()).Take(4).Select(g => $"{g.Count()}× {g.Key}")) + ")"
            : "");
}

/// <summary>Everything measured for one document.</summary>
internal sealed record DocumentFigures(
    BenchDocument Document,
    ColdGeneration OursCold,
    double OursColdWallMilliseconds,
    WarmGeneration Ours,
    CompileFigures OursCompile,
    NSwagRun? NSwag,
    GeneratedSize? NSwagSize,
    CompileFigures? NSwagCompile,
    string? NSwagProblem);

[JsonSerializable(typeof(ColdGeneration))]
[JsonSerializable(typeof(CompileRun))]
internal sealed partial class ChildJson : JsonSerializerContext;

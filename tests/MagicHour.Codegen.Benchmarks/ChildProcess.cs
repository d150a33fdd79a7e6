using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MagicHour.Codegen.Benchmarks;

/// <summary>
/// Runs a measurement in a fresh copy of this program, so "cold" includes loading and JIT-compiling everything. The
/// child prints one line "RESULT {json}" on standard output.
/// </summary>
internal static class ChildProcess
{
    private const string ResultPrefix = "RESULT ";

    public static (T Result, double WallMilliseconds) Run<T>(JsonTypeInfo<T> result, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        List<string> lines = ReadLines(process.StandardOutput).ToList();
        process.WaitForExit();
        clock.Stop();
        string? line = lines.LastOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"child '{string.Join(' ', arguments)}' failed (exit {process.ExitCode}):\n{string.Join('\n', lines)}\n{error.Result}");
        }

        return (JsonSerializer.Deserialize(line[ResultPrefix.Length..], result)!, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>What a child calls last.</summary>
    public static int Report<T>(T value, JsonTypeInfo<T> info)
    {
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(value, info));
        return 0;
    }

    private static IEnumerable<string> ReadLines(StreamReader reader)
    {
        while (reader.ReadLine() is string line)
        {
            yield return line;
        }
    }
}

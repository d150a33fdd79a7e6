using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace MagicHour.Codegen.Benchmarks;

/// <summary>What the figures were taken on, and how busy it was (the machine may be shared).</summary>
internal sealed record Machine(DateTimeOffset Time, string Description, string? LoadAverage)
{
    public static Machine Now()
    {
        string cpu = ReadLinux("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        string os = ReadLinux("/etc/os-release", "PRETTY_NAME")?.Trim('"') ?? RuntimeInformation.OSDescription;
        string? load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
        return new Machine(
            DateTimeOffset.UtcNow,
            $"{Environment.ProcessorCount} cores ({cpu}), {os} {RuntimeInformation.OSArchitecture}, .NET {Environment.Version}",
            load);
    }

    private static string? ReadLinux(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).Select(l => l.Split(new[] { ':', '=' }, 2)).Where(p => p.Length == 2 && p[0].Trim() == key).Select(p => p[1].Trim()).FirstOrDefault()
            : null;
}

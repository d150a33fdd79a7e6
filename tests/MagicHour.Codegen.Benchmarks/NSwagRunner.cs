using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MagicHour.Codegen.Benchmarks;

/// <summary>
/// NSwag, as .NET developers run it from npm: the <c>nswag</c> package installed once into a temp folder, then its
/// .NET build of <c>dotnet-nswag</c> (the same DLL the package's <c>nswag</c> launcher starts with <c>dotnet</c>)
/// run directly, so the measured process is NSwag itself: <c>openapi2csclient</c> with System.Text.Json.
/// </summary>
internal sealed partial class NSwagRunner
{
    public const string Version = "14.7.1";

    private readonly string _dll;

    private NSwagRunner(string dll) => _dll = dll;

    public string Description => $"NSwag {Version} (npm nswag@{Version}, {Path.GetFileName(Path.GetDirectoryName(_dll))}/dotnet-nswag.dll)";

    /// <summary>Installs the package (once per machine, into the temp folder) and finds its newest .NET build.</summary>
    public static NSwagRunner Install()
    {
        string folder = Path.Combine(Path.GetTempPath(), "magichour-benchmarks", "nswag-" + Version);
        string package = Path.Combine(folder, "node_modules", "nswag");
        if (!IsInstalled(package))
        {
            Directory.CreateDirectory(folder);
            string npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
            (int exit, string output) = Run(npm, folder, "install", "--no-audit", "--no-fund", "--no-save", "--prefix", folder, "nswag@" + Version);
            if (exit != 0 || !IsInstalled(package))
            {
                throw new InvalidOperationException($"npm install nswag@{Version} failed (exit {exit}):\n{output}");
            }
        }

        // binaries/Net80, Net90, Net100: take the newest; DOTNET_ROLL_FORWARD=Major (set when running) covers a newer runtime.
        string binaries = Path.Combine(package, "bin", "binaries");
        string? dll = Directory.GetDirectories(binaries, "Net*")
            .Select(d => (Directory: d, Version: int.TryParse(Path.GetFileName(d)[3..], out int v) ? v : -1))
            .Where(d => d.Version > 0 && File.Exists(Path.Combine(d.Directory, "dotnet-nswag.dll")))
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Directory, "dotnet-nswag.dll"))
            .FirstOrDefault();
        return new NSwagRunner(dll ?? throw new InvalidOperationException($"no binaries/Net*/dotnet-nswag.dll in {package}"));
    }

    /// <summary>Generates a client for <paramref name="jsonFile"/> into <paramref name="outputFile"/>.</summary>
    public NSwagRun Generate(string jsonFile, string outputFile, IEnumerable<string> extraArguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DOTNET_ROLL_FORWARD"] = "Major";
        foreach (string argument in Arguments(jsonFile, outputFile).Prepend(_dll).Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, PeakWorkingSet(process));
        }

        clock.Stop();
        Match duration = DurationLine().Match(output.Result);
        if (process.ExitCode != 0 || !duration.Success || !File.Exists(outputFile))
        {
            throw new InvalidOperationException($"NSwag failed on {jsonFile} (exit {process.ExitCode}):\n{output.Result}\n{error.Result}");
        }

        return new NSwagRun(
            TimeSpan.Parse(duration.Groups[1].Value, CultureInfo.InvariantCulture).TotalMilliseconds,
            clock.Elapsed.TotalMilliseconds,
            peak);
    }

    /// <summary>The command line, as the table prints it.</summary>
    public static IEnumerable<string> Arguments(string jsonFile, string outputFile) =>
        new[] { "openapi2csclient", "/input:" + jsonFile, "/output:" + outputFile, "/namespace:NSwagClient", "/JsonLibrary:SystemTextJson" };

    private static long PeakWorkingSet(Process process)
    {
        try
        {
            process.Refresh();
            return process.PeakWorkingSet64;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return 0; // exited between the check and the read
        }
    }

    private static bool IsInstalled(string package)
    {
        string manifest = Path.Combine(package, "package.json");
        return File.Exists(manifest) && (string?)JsonNode.Parse(File.ReadAllText(manifest))?["version"] == Version;
    }

    private static (int Exit, string Output) Run(string file, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    [GeneratedRegex(@"Duration:\s*(\d+:\d+:\d+(?:\.\d+)?)")]
    private static partial Regex DurationLine();
}

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace MagicHour.Codegen.Benchmarks;

/// <summary>
/// Makes this program run on the compiler of the SDK that builds the repository (<c>sdk/&lt;version&gt;/Roslyn/bincore</c>),
/// the one <c>dotnet build</c> runs generators and compiles with, instead of the Microsoft.CodeAnalysis package it is
/// compiled against (see the project file: the package's assemblies are not copied). The SDK ships the compiler
/// ReadyToRun-compiled, the package as IL only: with the package, a cold generator run would also JIT-compile Roslyn's
/// own driver, a cost no build pays.
/// </summary>
internal static class SdkCompiler
{
    private const string Variable = "MAGICHOUR_BENCHMARK_ROSLYN";

    /// <summary>The folder the compiler is loaded from; children inherit it.</summary>
    public static string Folder { get; private set; } = "";

    /// <summary>Call first, before any Roslyn type is touched.</summary>
    public static void Use()
    {
        Folder = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } inherited ? inherited : Locate();
        Environment.SetEnvironmentVariable(Variable, Folder);
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            string path = Path.Combine(Folder, name.Name + ".dll");
            return name.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && File.Exists(path)
                ? context.LoadFromAssemblyPath(path)
                : null;
        };
    }

    /// <summary>The compiler's version, as the table prints it.</summary>
    public static string Description =>
        $"Roslyn {typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]} " +
        $"from {Path.GetRelativePath(DotnetRoot, Folder)}";

    private static string DotnetRoot =>
        Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    private static string Locate()
    {
        string sdks = Path.Combine(DotnetRoot, "sdk");
        if (SdkVersion() is { } version && Directory.Exists(Bincore(Path.Combine(sdks, version))))
        {
            return Bincore(Path.Combine(sdks, version));
        }

        // No answer from `dotnet --version`: the newest SDK installed.
        string? newest = Directory.Exists(sdks)
            ? Directory.GetDirectories(sdks).Select(Bincore).Where(Directory.Exists).OrderByDescending(SdkVersionOf).FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException($"No SDK compiler found under {sdks} (sdk/<version>/Roslyn/bincore): the benchmark runs on the compiler `dotnet build` uses.");
    }

    /// <summary>The version in <c>sdk/&lt;version&gt;/Roslyn/bincore</c>, a preview's suffix left out.</summary>
    private static Version SdkVersionOf(string bincore) =>
        Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(bincore)))?.Split('-')[0], out Version? version) ? version : new Version();

    private static string Bincore(string sdk) => Path.Combine(sdk, "Roslyn", "bincore");

    /// <summary>The SDK <c>dotnet</c> picks in the repository (its global.json, if any, applies).</summary>
    private static string? SdkVersion()
    {
        try
        {
            var start = new ProcessStartInfo(Path.Combine(DotnetRoot, RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet"), "--version")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
                WorkingDirectory = BenchDocument.RepositoryRoot(),
            };
            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}

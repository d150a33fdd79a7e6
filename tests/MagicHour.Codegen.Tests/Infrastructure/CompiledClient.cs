using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace MagicHour.Codegen.Tests.Infrastructure;

/// <summary>The generated code for a spec, compiled and loaded, for tests that run it.</summary>
internal static class CompiledClient
{
    private static readonly Lazy<Assembly> ForOurSpec = new(() => Load(GeneratorHarness.RunFile(RepositoryPaths.Spec).Compilation));

    public static Assembly OurSpec => ForOurSpec.Value;

    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        EmitResult result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        }

        stream.Position = 0;
        return new AssemblyLoadContext(compilation.AssemblyName + Guid.NewGuid().ToString("N"), isCollectible: true).LoadFromStream(stream);
    }

    public static Type Type(this Assembly assembly, string name) =>
        assembly.GetType("MagicHour.Client." + name) ?? throw new InvalidOperationException(name + " was not generated");
}

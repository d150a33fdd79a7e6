using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MagicHour.Codegen.Tests.Infrastructure;

/// <summary>
/// Small OpenAPI documents in <c>Scenarios/</c>, each showing one kind of API (a discriminated union, form and binary
/// bodies, a create-and-poll workflow), snapshot-tested beside the Magic Hour spec and reused by other tests.
/// </summary>
internal static class Scenarios
{
    public static string Directory => Path.Combine(RepositoryPaths.TestProject, "Scenarios");

    /// <summary>The scenario names (file names without <c>.json</c>), in ordinal order.</summary>
    public static IReadOnlyList<string> Names => System.IO.Directory.GetFiles(Directory, "*.json")
        .Select(f => Path.GetFileNameWithoutExtension(f)!)
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToList();

    public static string PathOf(string name) => Path.Combine(Directory, name + ".json");

    public static string Read(string name) => File.ReadAllText(PathOf(name));
}

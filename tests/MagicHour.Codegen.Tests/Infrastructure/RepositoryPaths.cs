using System;
using System.IO;

namespace MagicHour.Codegen.Tests.Infrastructure;

/// <summary>Where the repository, its spec and the shared test corpus are.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Spec => Path.Combine(Root, "spec", "openapi.json");

    /// <summary><c>../shared</c> beside the repository (CI has it; a fresh clone may not).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string MagicHourSpecs => Path.Combine(Shared, "specs", "magichour");

    public static string TestProject => Path.Combine(Root, "tests", "MagicHour.Codegen.Tests");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MagicHour.Codegen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MagicHour.Codegen.sln not found above " + AppContext.BaseDirectory);
    }
}

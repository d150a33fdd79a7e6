using System;
using System.IO;
using System.Linq;
using System.Text;
using MagicHour.Codegen.Emitting;
using Xunit.Sdk;

namespace MagicHour.Codegen.Tests.Infrastructure;

/// <summary>
/// Approval testing, small and our own: compares text with <c>Snapshots/NAME.verified.cs</c>. On a mismatch it writes
/// <c>NAME.received.cs</c> beside it and fails with a readable diff; with <c>MAGICHOUR_ACCEPT_SNAPSHOTS=1</c> it
/// accepts the new text instead. Review every accepted snapshot as you would review code. The generator's version is
/// scrubbed, so a version bump does not rewrite every snapshot.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "MAGICHOUR_ACCEPT_SNAPSHOTS";

    public const string VersionPlaceholder = "{version}";

    public static string Directory => Path.Combine(RepositoryPaths.TestProject, "Snapshots");

    /// <param name="name">The snapshot's name, without extension.</param>
    /// <param name="actual">The text to compare.</param>
    /// <param name="folder">A folder under <see cref="Directory"/>, for snapshots of one scenario.</param>
    public static void Verify(string name, string actual, string? folder = null)
    {
        string directory = folder is null ? Directory : Path.Combine(Directory, folder);
        string verified = Path.Combine(directory, name + ".verified.cs");
        string received = Path.Combine(directory, name + ".received.cs");
        string normalized = Scrub(actual.Replace("\r\n", "\n"));
        string? expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == normalized)
        {
            File.Delete(received);
            return;
        }

        System.IO.Directory.CreateDirectory(directory);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verified, normalized);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, normalized);
        throw new XunitException(expected is null
            ? $"No snapshot {name}.verified.cs yet. Review {received} and accept it with {AcceptVariable}=1."
            : $"{name} differs from its snapshot (received file: {received}); accept with {AcceptVariable}=1 after review.\n{Diff(expected, normalized)}");
    }

    /// <summary>Replaces the generator's version in <c>[GeneratedCode("MagicHour.Codegen", "…")]</c> with <see cref="VersionPlaceholder"/>.</summary>
    public static string Scrub(string text) =>
        text.Replace($"\"{FileHeader.GeneratorName}\", \"{FileHeader.Version}\")", $"\"{FileHeader.GeneratorName}\", \"{VersionPlaceholder}\")", StringComparison.Ordinal);

    /// <summary>The first differing lines with a little context, unified-diff style.</summary>
    public static string Diff(string expected, string actual)
    {
        string[] a = expected.Split('\n');
        string[] b = actual.Split('\n');
        int first = 0;
        while (first < a.Length && first < b.Length && a[first] == b[first])
        {
            first++;
        }

        int endA = a.Length - 1, endB = b.Length - 1;
        while (endA > first && endB > first && a[endA] == b[endB])
        {
            endA--;
            endB--;
        }

        var builder = new StringBuilder();
        builder.AppendLine($"@@ line {first + 1} @@");
        for (int i = Math.Max(0, first - 3); i < first; i++)
        {
            builder.AppendLine("  " + a[i]);
        }

        foreach (string line in a.Skip(first).Take(Math.Min(endA - first + 1, 40)))
        {
            builder.AppendLine("- " + line);
        }

        foreach (string line in b.Skip(first).Take(Math.Min(endB - first + 1, 40)))
        {
            builder.AppendLine("+ " + line);
        }

        return builder.ToString();
    }
}

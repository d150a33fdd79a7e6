using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MagicHour.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>The generated code for <c>spec/openapi.json</c>, file by file, against reviewed snapshots.</summary>
public class SnapshotTests
{
    private static readonly Lazy<IReadOnlyList<GeneratedSourceResult>> Generated = new(() =>
        GeneratorHarness.Run(File.ReadAllText(RepositoryPaths.Spec), "/repo/spec/openapi.json").Sources);

    public static IEnumerable<object[]> GeneratedFiles => Generated.Value.Select(s => new object[] { SnapshotName(s.HintName) });

    [Theory]
    [MemberData(nameof(GeneratedFiles))]
    public void Generated_file_matches_its_snapshot(string name)
    {
        GeneratedSourceResult source = Generated.Value.Single(s => SnapshotName(s.HintName) == name);
        Snapshot.Verify(name, source.SourceText.ToString());
    }

    [Fact]
    public void Every_snapshot_has_a_generated_file()
    {
        var generated = Generated.Value.Select(s => SnapshotName(s.HintName)).ToHashSet();
        string[] stale = Directory.GetFiles(Snapshot.Directory, "*.verified.cs")
            .Select(f => Path.GetFileName(f)[..^".verified.cs".Length])
            .Where(name => !generated.Contains(name))
            .ToArray();
        Assert.True(stale.Length == 0, "Snapshots without a generated file (delete them): " + string.Join(", ", stale));
    }

    private static string SnapshotName(string hintName) => hintName["MagicHour.Client.".Length..^".g.cs".Length];
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MagicHour.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>
/// The generated code, file by file, against reviewed snapshots: for <c>spec/openapi.json</c> and for each document in
/// <c>Scenarios/</c> (a discriminated union, form and binary bodies, a create-and-poll workflow).
/// </summary>
public class SnapshotTests
{
    private const string ScenarioFolder = "Scenarios";

    private static readonly Lazy<IReadOnlyList<GeneratedSourceResult>> OurSpec = new(() =>
        GeneratorHarness.Run(File.ReadAllText(RepositoryPaths.Spec), "/repo/spec/openapi.json").Sources);

    private static readonly ConcurrentDictionary<string, GenerationResult> ScenarioResults = new(StringComparer.Ordinal);

    public static IEnumerable<object[]> GeneratedFiles => OurSpec.Value.Select(s => new object[] { SnapshotName(s.HintName) });

    public static IEnumerable<object[]> ScenarioNames => Scenarios.Names.Select(n => new object[] { n });

    public static IEnumerable<object[]> ScenarioFiles =>
        Scenarios.Names.SelectMany(scenario => Scenario(scenario).Sources.Select(s => new object[] { scenario, SnapshotName(s.HintName) }));

    [Theory]
    [MemberData(nameof(GeneratedFiles))]
    public void Generated_file_matches_its_snapshot(string name)
    {
        GeneratedSourceResult source = OurSpec.Value.Single(s => SnapshotName(s.HintName) == name);
        Snapshot.Verify(name, source.SourceText.ToString());
    }

    [Fact]
    public void Every_snapshot_has_a_generated_file() =>
        AssertNoStaleSnapshots(Snapshot.Directory, OurSpec.Value);

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Scenario_file_matches_its_snapshot(string scenario, string name)
    {
        GeneratedSourceResult source = Scenario(scenario).Sources.Single(s => SnapshotName(s.HintName) == name);
        Snapshot.Verify(name, source.SourceText.ToString(), Path.Combine(ScenarioFolder, scenario));
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Scenario_compiles_cleanly_and_every_snapshot_has_a_generated_file(string scenario)
    {
        CompileTests.AssertClean(Scenario(scenario));
        AssertNoStaleSnapshots(Path.Combine(Snapshot.Directory, ScenarioFolder, scenario), Scenario(scenario).Sources);
    }

    [Fact]
    public void Every_scenario_snapshot_folder_has_a_scenario()
    {
        string root = Path.Combine(Snapshot.Directory, ScenarioFolder);
        string[] stale = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.GetFileName(d)).Where(n => !Scenarios.Names.Contains(n)).ToArray()
            : Array.Empty<string>();
        Assert.True(stale.Length == 0, "Snapshot folders without a scenario (delete them): " + string.Join(", ", stale));
    }

    private static GenerationResult Scenario(string name) =>
        ScenarioResults.GetOrAdd(name, n => GeneratorHarness.Run(Scenarios.Read(n), $"/repo/scenarios/{n}/openapi.json"));

    private static void AssertNoStaleSnapshots(string directory, IReadOnlyList<GeneratedSourceResult> sources)
    {
        var generated = sources.Select(s => SnapshotName(s.HintName)).ToHashSet();
        string[] stale = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.verified.cs").Select(f => Path.GetFileName(f)[..^".verified.cs".Length]).Where(name => !generated.Contains(name)).ToArray()
            : Array.Empty<string>();
        Assert.True(stale.Length == 0, "Snapshots without a generated file (delete them): " + string.Join(", ", stale));
    }

    private static string SnapshotName(string hintName) => hintName["MagicHour.Client.".Length..^".g.cs".Length];
}

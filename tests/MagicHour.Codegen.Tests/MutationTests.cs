using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using MagicHour.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace MagicHour.Codegen.Tests;

/// <summary>
/// Seeded random damage to <c>spec/openapi.json</c> (drop, retype, rename, duplicate nodes): the generator never throws,
/// and whenever it emits code, that code compiles. A failure names its seed, so it replays exactly.
/// </summary>
public class MutationTests
{
    /// <summary>Mutated documents per batch; <c>MAGICHOUR_MUTATIONS</c> runs more locally.</summary>
    private static readonly int PerBatch = int.TryParse(Environment.GetEnvironmentVariable("MAGICHOUR_MUTATIONS"), out int n) && n > 0 ? n : 50;

    private static readonly string[] HostileKeys = { "class", "1st", string.Empty, "a-b", "a_b", "Name", "größe", "*/", "</summary>", "$ref", "EqualityContract", "type", "properties", "items" };

    private readonly ITestOutputHelper _output;

    public MutationTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mutated_specs_never_crash_the_generator_and_what_it_emits_compiles(int batch)
    {
        string original = File.ReadAllText(RepositoryPaths.Spec);
        var clock = Stopwatch.StartNew();
        int emitted = 0;
        for (int seed = batch * PerBatch; seed < (batch + 1) * PerBatch; seed++)
        {
            string mutated = Mutate(original, seed);
            GenerationResult result = GeneratorHarness.Run(mutated);

            Assert.True(result.GeneratorException is null, $"seed {seed}: {result.GeneratorException}");
            Diagnostic? failure = result.GeneratorDiagnostics.FirstOrDefault(d => d.Id is "MHCG0006" or "MHCG0008");
            Assert.True(failure is null, $"seed {seed}: {failure?.GetMessage()}");
            if (result.Sources.Count > 0)
            {
                emitted++;
                IReadOnlyList<Diagnostic> errors = result.CompileErrors;
                Assert.True(errors.Count == 0, $"seed {seed}: " + string.Join("\n", errors.Take(10)));
            }
        }

        _output.WriteLine($"{PerBatch} mutations, {emitted} emitted code, {clock.Elapsed.TotalSeconds:0.0}s");
    }

    /// <summary>One to four mutations of random nodes; the same seed always gives the same document.</summary>
    internal static string Mutate(string json, int seed)
    {
        var random = new Random(seed);
        JsonNode root = JsonNode.Parse(json)!;
        int count = random.Next(1, 5);
        for (int i = 0; i < count; i++)
        {
            List<JsonNode> nodes = Descendants(root).ToList();
            JsonNode target = nodes[random.Next(nodes.Count)];
            if (target.Parent is null)
            {
                continue;
            }

            switch (random.Next(4))
            {
                case 0:
                    Drop(target);
                    break;
                case 1:
                    Replace(target, Retyped(target, random));
                    break;
                case 2:
                    Rename(target, HostileKeys[random.Next(HostileKeys.Length)] + (random.Next(3) == 0 ? random.Next(10).ToString() : string.Empty));
                    break;
                default:
                    Duplicate(target, random);
                    break;
            }
        }

        return root.ToJsonString();
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => Enumerable.Empty<JsonNode?>(),
        };
        foreach (JsonNode? child in children.ToList())
        {
            if (child is not null)
            {
                foreach (JsonNode descendant in Descendants(child))
                {
                    yield return descendant;
                }
            }
        }
    }

    private static JsonNode? Retyped(JsonNode node, Random random) => random.Next(7) switch
    {
        0 => JsonValue.Create("x"),
        1 => JsonValue.Create(42),
        2 => JsonValue.Create(true),
        3 => null,
        4 => new JsonArray(),
        5 => new JsonObject(),
        _ => node is JsonObject ? new JsonArray(JsonValue.Create("object")) : new JsonObject { ["type"] = "string" },
    };

    private static void Drop(JsonNode node)
    {
        switch (node.Parent)
        {
            case JsonObject o:
                o.Remove(node.GetPropertyName());
                break;
            case JsonArray a:
                a.RemoveAt(node.GetElementIndex());
                break;
        }
    }

    private static void Replace(JsonNode node, JsonNode? replacement)
    {
        switch (node.Parent)
        {
            case JsonObject o:
                o[node.GetPropertyName()] = replacement;
                break;
            case JsonArray a:
                a[node.GetElementIndex()] = replacement;
                break;
        }
    }

    private static void Rename(JsonNode node, string name)
    {
        if (node.Parent is JsonObject o && !o.ContainsKey(name))
        {
            string old = node.GetPropertyName();
            o.Remove(old);
            o[name] = node;
        }
    }

    private static void Duplicate(JsonNode node, Random random)
    {
        JsonNode copy = node.DeepClone();
        switch (node.Parent)
        {
            case JsonObject o:
                string name = node.GetPropertyName() + (random.Next(2) == 0 ? "_" : "-") + "copy";
                if (!o.ContainsKey(name))
                {
                    o[name] = copy;
                }

                break;
            case JsonArray a:
                a.Add(copy);
                break;
        }
    }
}

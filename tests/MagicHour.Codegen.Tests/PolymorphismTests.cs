using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using MagicHour.Codegen.Tests.Infrastructure;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>A <c>oneOf</c> with a discriminator is a real closed union, not <c>object</c>; unknown variants keep their JSON.</summary>
public class PolymorphismTests
{
    private static readonly string Spec = Scenarios.Read("union");

    private static readonly Lazy<(GenerationResult Result, Assembly Assembly)> Generated = new(() =>
    {
        GenerationResult result = GeneratorHarness.Run(Spec);
        return (result, CompiledClient.Load(result.Compilation));
    });

    [Fact]
    public void The_union_compiles_cleanly_with_a_case_per_variant()
    {
        GenerationResult result = Generated.Value.Result;
        CompileTests.AssertClean(result);
        string pet = result.Sources.Declaration("Pet");
        Assert.Contains("public abstract partial record Pet", pet);
        Assert.Contains("public sealed record Cat(global::MagicHour.Client.Cat Value) : Pet;", pet);
        Assert.Contains("public sealed record Dog(global::MagicHour.Client.Dog Value) : Pet;", pet);
        Assert.Contains("public static implicit operator Pet(global::MagicHour.Client.Cat value) => new Cat(value);", pet);
        Assert.Contains("\"cat\" or \"kitten\" => new Cat(reader.Read<global::MagicHour.Client.Cat>()),", pet);
        Assert.Contains("\"Dog\" => new Dog(", pet);
    }

    [Theory]
    [InlineData("""{"pet_type":"cat","hunts":true}""", "Cat")]
    [InlineData("""{"hunts":false,"pet_type":"kitten"}""", "Cat")]
    [InlineData("""{"pet_type":"Dog","friends":[{"pet_type":"cat","hunts":true},{"pet_type":"parrot","words":["hi"]}]}""", "Dog")]
    [InlineData("""{"pet_type":"parrot","words":["hello"]}""", "Unknown")]
    [InlineData("""{"words":["no discriminator"]}""", "Unknown")]
    public void Each_value_reads_as_its_case_and_writes_back_the_same_json(string json, string expectedCase)
    {
        Type pet = Generated.Value.Assembly.GetType("MagicHour.Client.Pet")!;
        object value = JsonSerializer.Deserialize(json, pet)!;
        Assert.Equal(expectedCase, value.GetType().Name);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(JsonSerializer.Serialize(value, pet))));
    }

    [Fact]
    public void A_variant_converts_implicitly_where_the_union_is_expected()
    {
        const string usage = """
            using MagicHour.Client;

            /// <summary>Uses the union as a caller would.</summary>
            public static class Usage
            {
                /// <summary>Describes a pet.</summary>
                public static string Describe(Pet pet) => pet switch
                {
                    Pet.Cat { Value.Hunts: true } => "hunter",
                    Pet.Cat => "cat",
                    Pet.Dog dog => $"dog with {dog.Value.Friends?.Count ?? 0} friends",
                    Pet.Unknown unknown => "unknown " + unknown.DiscriminatorValue,
                    _ => "none",
                };

                /// <summary>Passes a variant where the union is expected.</summary>
                public static string Run() => Describe(new Cat { PetType = "cat", Hunts = true });
            }
            """;
        var compilation = Generated.Value.Result.Compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(usage, GeneratorHarness.ParseOptions));
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

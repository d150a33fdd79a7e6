using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using MagicHour.Codegen.Tests.Infrastructure;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>
/// A record reads itself in a constructor and checks its required properties once the object is read: a reference type
/// by its null value, a value type or a property that may be null by a presence bit, in as many bit sets as it takes.
/// </summary>
public class RequiredPropertyTests
{
    private const int Count = 70;

    private static readonly Lazy<(GenerationResult Result, Assembly Assembly)> Generated = new(() =>
    {
        string properties = string.Join(", ", Enumerable.Range(0, Count).Select(i => $"\"p{i}\": {{ \"type\": \"integer\" }}"));
        string required = string.Join(", ", Enumerable.Range(0, Count).Select(i => $"\"p{i}\"").Append("\"note\"").Append("\"name\""));
        string spec = $$"""
            {
              "openapi": "3.0.3",
              "info": { "title": "Wide", "version": "1" },
              "paths": { "/wide": { "get": { "responses": { "200": { "description": "ok",
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Wide" } } } } } } } },
              "components": { "schemas": { "Wide": { "type": "object", "required": [{{required}}], "properties": {
                {{properties}},
                "note": { "type": "string", "nullable": true },
                "name": { "type": "string" } } } } }
            }
            """;
        GenerationResult result = GeneratorHarness.Run(spec);
        return (result, CompiledClient.Load(result.Compilation));
    });

    private static Type Wide => Generated.Value.Assembly.Type("Wide");

    [Fact]
    public void A_record_with_more_than_64_presence_bits_compiles_cleanly_and_round_trips()
    {
        CompileTests.AssertClean(Generated.Value.Result);
        string wide = Generated.Value.Result.Sources.Declaration("Wide");
        Assert.Contains("long seen = 0;", wide);
        Assert.Contains("int seen2 = 0;", wide);
        Assert.Contains("reader.Require(seen2, 1 << 5, \"p69\");", wide);

        JsonObject json = Full();
        object value = JsonSerializer.Deserialize(json.ToJsonString(), Wide)!;
        Assert.Equal(69, Wide.GetProperty("P69")!.GetValue(value));
        Assert.True(JsonNode.DeepEquals(json, JsonNode.Parse(JsonSerializer.Serialize(value, Wide))));
    }

    [Theory]
    [InlineData("p3")]
    [InlineData("p40")]
    [InlineData("p69")]
    [InlineData("note")]
    [InlineData("name")]
    public void An_absent_required_property_is_named_whichever_bit_set_tracks_it(string absent)
    {
        JsonObject json = Full();
        json.Remove(absent);
        JsonException error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json.ToJsonString(), Wide));
        Assert.Equal($"The JSON for Wide has no \"{absent}\" property, or it is null, and the API's contract requires a value.", error.Message);
    }

    [Theory]
    [InlineData("p3")]
    [InlineData("p69")]
    [InlineData("name")]
    public void Null_for_a_required_non_nullable_property_is_named_too(string property)
    {
        JsonObject json = Full();
        json[property] = null;
        JsonException error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json.ToJsonString(), Wide));
        Assert.Equal($"The JSON for Wide has no \"{property}\" property, or it is null, and the API's contract requires a value.", error.Message);
    }

    private static JsonObject Full()
    {
        var json = new JsonObject();
        for (int i = 0; i < Count; i++)
        {
            json["p" + i] = i;
        }

        json["note"] = null;
        json["name"] = "wide";
        return json;
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Parsing;
using MagicHour.Codegen.Tests.Infrastructure;
using Xunit;

namespace MagicHour.Codegen.Tests;

/// <summary>
/// Every success response of the published Magic Hour document, filled with random values its schema accepts (odd
/// URIs, long and escaped text, non-ASCII, boundary numbers, nulls): the generated types read it, write it back as it
/// was, and read and write that again to the very same text.
/// </summary>
public class RandomRoundTripTests
{
    private const int SamplesPerType = 40;

    private static readonly Lazy<(Assembly Client, JsonDocument Document, List<(string Type, string Pointer)> Responses)> Published = new(Load);

    [CorpusFact]
    [Trait("Category", "Corpus")]
    public void Every_response_type_of_the_published_document_round_trips_random_valid_values()
    {
        (Assembly client, JsonDocument document, List<(string Type, string Pointer)> responses) = Published.Value;
        Assert.True(responses.Count >= 30, $"only {responses.Count} response types");
        var failures = new List<string>();
        foreach ((string typeName, string pointer) in responses)
        {
            Type type = client.Type(typeName);
            JsonElement schema = At(document.RootElement, pointer);
            for (int seed = 1; seed <= SamplesPerType; seed++)
            {
                string original = new SchemaSampler(document.RootElement, seed).Sample(schema)!.ToJsonString();
                try
                {
                    string written = JsonSerializer.Serialize(JsonSerializer.Deserialize(original, type), type);
                    string again = JsonSerializer.Serialize(JsonSerializer.Deserialize(written, type), type);
                    if (!JsonNode.DeepEquals(JsonNode.Parse(original), JsonNode.Parse(written)) || written != again)
                    {
                        failures.Add($"{typeName} (seed {seed}): wrote something else\n  read    {Short(original)}\n  written {Short(written)}\n  again   {Short(again)}");
                    }
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
                {
                    failures.Add($"{typeName} (seed {seed}): {ex.GetType().Name}: {ex.Message}\n  {Short(original)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {responses.Count * SamplesPerType} samples failed:\n" + string.Join("\n", failures.Take(10)));
    }

    /// <summary>The generated client of the published document, and the schema of each operation's JSON success response with its type.</summary>
    private static (Assembly, JsonDocument, List<(string, string)>) Load()
    {
        string path = Path.Combine(RepositoryPaths.MagicHourSpecs, "openapi-latest.json");
        string text = File.ReadAllText(path);
        Assembly client = CompiledClient.Load(GeneratorHarness.RunFile(path).Compilation);
        ClientModel model = SpecParser.Parse(new SpecInput(path, text, null, null), default).Model;
        JsonDocument document = JsonDocument.Parse(text);
        var responses = new List<(string, string)>();
        foreach (OperationModel operation in WorkflowContractTests.Operations(model.Root).Where(o => o.ResponseKind == ResponseKind.Json && o.ResponseType is { Kind: TypeRefKind.Object }))
        {
            JsonProperty path2 = document.RootElement.GetProperty("paths").EnumerateObject().Single(p => p.Value.EnumerateObject().Any(m => m.Value.ValueKind == JsonValueKind.Object && m.Value.TryGetProperty("operationId", out JsonElement id) && id.GetString() == operation.OperationId));
            string method = operation.HttpMethod.ToLowerInvariant();
            string success = path2.Value.GetProperty(method).GetProperty("responses").EnumerateObject().First(r => r.Name.StartsWith('2') && r.Value.TryGetProperty("content", out _)).Name;
            responses.Add((operation.ResponseType!.Name!, $"/paths/{path2.Name.Replace("~", "~0").Replace("/", "~1")}/{method}/responses/{success}/content/application~1json/schema"));
        }

        return (client, document, responses);
    }

    private static JsonElement At(JsonElement root, string pointer)
    {
        foreach (string segment in pointer.TrimStart('/').Split('/'))
        {
            root = root.GetProperty(segment.Replace("~1", "/").Replace("~0", "~"));
        }

        return root;
    }

    private static string Short(string json) => json.Length <= 400 ? json : json.Substring(0, 400) + $"… ({json.Length} chars)";
}

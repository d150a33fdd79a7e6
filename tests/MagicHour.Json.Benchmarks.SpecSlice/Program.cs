using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

// Cuts one operation out of a large OpenAPI 3 document, with every component it references (transitively), into a
// small document; and writes that operation's 200 application/json example as a payload, completed where the example
// leaves out a required property the schema allows to be null (GHES's full-repository example has no "language").
// Usage: MagicHour.Json.Benchmarks.SpecSlice <document(.json|.json.gz)> <operationId> <slice.json> <payload.json>
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: MagicHour.Json.Benchmarks.SpecSlice <document(.json|.json.gz)> <operationId> <slice.json> <payload.json>");
    return 2;
}

string documentPath = args[0], operationId = args[1], slicePath = args[2], payloadPath = args[3];
JsonObject document = JsonNode.Parse(ReadText(documentPath))!.AsObject();

(string path, string method, JsonObject operation) = FindOperation(document, operationId);
var components = new JsonObject();
var slice = new JsonObject
{
    ["openapi"] = document["openapi"]!.DeepClone(),
    ["info"] = new JsonObject
    {
        ["title"] = $"{document["info"]?["title"]} ({operationId} only)",
        ["version"] = document["info"]?["version"]?.DeepClone() ?? "1",
    },
    ["paths"] = new JsonObject { [path] = new JsonObject { [method] = operation.DeepClone() } },
    ["components"] = components,
};

// Copy the $ref closure of the operation: every referenced component, and what those reference in turn.
var pending = new Queue<string>(References(operation));
var copied = new HashSet<string>(StringComparer.Ordinal);
while (pending.TryDequeue(out string? reference))
{
    if (!copied.Add(reference))
    {
        continue;
    }

    string[] segments = Pointer(reference);
    if (segments is not ["components", string kind, string name])
    {
        throw new InvalidOperationException($"{reference}: only references to #/components/<kind>/<name> are supported");
    }

    JsonNode target = document["components"]?[kind]?[name] ?? throw new InvalidOperationException($"{reference} points to nothing");
    var group = components[kind] as JsonObject ?? (JsonObject)(components[kind] = new JsonObject());
    group[name] = target.DeepClone();
    foreach (string next in References(target))
    {
        pending.Enqueue(next);
    }
}

JsonNode payload = Example(document, operation) ?? throw new InvalidOperationException($"{operationId} has no 200 application/json example");
JsonNode schema = operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
var completions = new List<string>();
Complete(document, payload, schema, "$", completions);

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(slicePath))!);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(payloadPath))!);
var indented = new JsonSerializerOptions { WriteIndented = true };
File.WriteAllText(slicePath, slice.ToJsonString(indented));
File.WriteAllText(payloadPath, payload.ToJsonString(indented));
Console.WriteLine($"{operationId}: {copied.Count} components -> {slicePath}; payload -> {payloadPath}" +
    (completions.Count > 0 ? $" (set to null, required but absent from the example: {string.Join(", ", completions)})" : ""));
return 0;

static string ReadText(string path)
{
    using Stream file = File.OpenRead(path);
    using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    using var reader = new StreamReader(stream);
    return reader.ReadToEnd();
}

static (string Path, string Method, JsonObject Operation) FindOperation(JsonObject document, string operationId)
{
    foreach ((string path, JsonNode? item) in document["paths"]!.AsObject())
    {
        foreach ((string method, JsonNode? operation) in item!.AsObject())
        {
            if (operation is JsonObject candidate && (string?)candidate["operationId"] == operationId)
            {
                return (path, method, candidate);
            }
        }
    }

    throw new InvalidOperationException($"no operation has the id '{operationId}'");
}

static IEnumerable<string> References(JsonNode node)
{
    switch (node)
    {
        case JsonObject obj:
            foreach ((string key, JsonNode? value) in obj)
            {
                if (key == "$ref" && value is JsonValue reference)
                {
                    yield return reference.GetValue<string>();
                }
                else if (value is not null)
                {
                    foreach (string nested in References(value))
                    {
                        yield return nested;
                    }
                }
            }

            break;
        case JsonArray array:
            foreach (JsonNode? item in array)
            {
                if (item is not null)
                {
                    foreach (string nested in References(item))
                    {
                        yield return nested;
                    }
                }
            }

            break;
    }
}

static string[] Pointer(string reference) =>
    reference.StartsWith("#/", StringComparison.Ordinal)
        ? reference[2..].Split('/').Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToArray()
        : throw new InvalidOperationException($"{reference}: only local references are supported");

static JsonNode Resolve(JsonObject document, JsonNode node)
{
    while (node is JsonObject obj && obj["$ref"] is JsonValue reference)
    {
        JsonNode? target = document;
        foreach (string segment in Pointer(reference.GetValue<string>()))
        {
            target = target?[segment];
        }

        node = target ?? throw new InvalidOperationException($"{reference} points to nothing");
    }

    return node;
}

static JsonNode? Example(JsonObject document, JsonObject operation)
{
    JsonNode? media = operation["responses"]?["200"]?["content"]?["application/json"];
    if (media?["example"] is JsonNode example)
    {
        return example.DeepClone();
    }

    JsonNode? first = (media?["examples"] as JsonObject)?.Select(pair => pair.Value).FirstOrDefault();
    return first is null ? null : Resolve(document, first)["value"]?.DeepClone();
}

// Adds null for each required property the example leaves out, where the schema allows null; anything else missing is
// an error (the payload would not be valid, and both serializers would reject it).
static void Complete(JsonObject document, JsonNode? value, JsonNode schemaNode, string where, List<string> completions)
{
    JsonNode schema = Resolve(document, schemaNode);
    if (value is JsonArray array && schema["items"] is JsonNode items)
    {
        for (int i = 0; i < array.Count; i++)
        {
            Complete(document, array[i], items, $"{where}[{i}]", completions);
        }
    }

    if (value is not JsonObject obj || schema["properties"] is not JsonObject properties)
    {
        return;
    }

    foreach (string required in (schema["required"] as JsonArray ?? new JsonArray()).Select(r => r!.GetValue<string>()))
    {
        if (!obj.ContainsKey(required))
        {
            JsonNode propertySchema = Resolve(document, properties[required]!);
            if (propertySchema["nullable"] is not JsonValue nullable || !nullable.GetValue<bool>())
            {
                throw new InvalidOperationException($"the example has no {where}.{required}, which is required and not nullable");
            }

            obj[required] = null;
            completions.Add($"{where}.{required}");
        }
    }

    foreach ((string name, JsonNode? propertyValue) in obj.ToList())
    {
        if (properties[name] is JsonNode propertySchema)
        {
            Complete(document, propertyValue, propertySchema, $"{where}.{name}", completions);
        }
    }
}

using System;
using System.Buffers;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MagicHour.Json.Benchmarks;

/// <summary>The JSON documents the benchmarks read: the specs' own examples, compact, as a server sends them.</summary>
internal static class Payloads
{
    /// <summary>The example of <c>GET /v1/image-projects/{id}</c>'s 200 response in <c>spec/openapi.json</c>.</summary>
    public static byte[] ImageProject { get; } = Compact(
        Resource("magichour-openapi.json")["paths"]!["/v1/image-projects/{id}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["example"]
        ?? throw new InvalidOperationException("spec/openapi.json has no example for GET /v1/image-projects/{id}"));

#if GHES
    /// <summary>
    /// GHES's example of <c>GET /repos/{owner}/{repo}</c> (a <c>full-repository</c> with owner, license, permissions,
    /// organization, parent, source and template repository), as the build's slicer wrote it: with <c>language</c>
    /// (required, nullable, absent from the example) set to null.
    /// </summary>
    public static byte[] FullRepository { get; } = Compact(Resource("ghes-full-repository.json"));
#endif

    private static JsonNode Resource(string name)
    {
        using Stream stream = typeof(Payloads).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is missing");
        return JsonNode.Parse(stream)!;
    }

    private static byte[] Compact(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        // Relaxed escaping keeps the text as the API sends it ("{+path}", not "{\u002Bpath}").
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}

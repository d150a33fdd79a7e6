using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MagicHour.Json.Benchmarks;

/// <summary>
/// Run before any benchmark: both serializers must read the payload to the same data (what each writes back is
/// equivalent), each must read its own output back unchanged and the other's to the same data, and nothing of the payload
/// may be lost but members its schema does not declare (which both skip). Any failure ends the program.
/// </summary>
internal static class EquivalenceCheck
{
    public static void Verify<TOurs, TStj>(string name, byte[] payload, OurJson<TOurs> ours, JsonTypeInfo<TStj> stj)
    {
        byte[] oursWrote = Write(writer => ours.Write(writer, ours.Read(payload)));
        byte[] stjWrote = Write(writer => JsonSerializer.Serialize(writer, JsonSerializer.Deserialize(payload, stj)!, stj));

        Require(name, JsonEquivalence.Difference(oursWrote, stjWrote), "the generated code (left) and System.Text.Json (right) read the payload to different data");
        Require(name, Same(Write(writer => ours.Write(writer, ours.Read(oursWrote))), oursWrote), "the generated code does not read back what it wrote");
        Require(name, Same(Write(writer => JsonSerializer.Serialize(writer, JsonSerializer.Deserialize(stjWrote, stj)!, stj)), stjWrote), "System.Text.Json does not read back what it wrote");
        Require(name, JsonEquivalence.Difference(Write(writer => ours.Write(writer, ours.Read(stjWrote))), oursWrote), "the generated code reads System.Text.Json's output to different data");
        Require(name, JsonEquivalence.Difference(Write(writer => JsonSerializer.Serialize(writer, JsonSerializer.Deserialize(oursWrote, stj)!, stj)), stjWrote), "System.Text.Json reads the generated code's output to different data");

        var skipped = new List<string>();
        Require(name, JsonEquivalence.SubsetDifference(oursWrote, payload, skipped), "the generated code (left) lost or changed part of the payload (right)");
        Console.WriteLine($"check {name}: {payload.Length:N0} bytes read to the same data by both, {oursWrote.Length:N0} bytes written by ours, {stjWrote.Length:N0} by System.Text.Json; " +
            $"{skipped.Count} payload members outside the schema, skipped by both{(skipped.Count > 0 ? ": " + string.Join(", ", skipped) : "")}");
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string? Same(byte[] actual, byte[] expected) =>
        actual.AsSpan().SequenceEqual(expected) ? null : $"{Encoding.UTF8.GetString(actual)}\ninstead of\n{Encoding.UTF8.GetString(expected)}";

    private static void Require(string name, string? difference, string what)
    {
        if (difference is not null)
        {
            throw new InvalidOperationException($"{name}: {what}: {difference}");
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MagicHour.Json.Benchmarks;

/// <summary>
/// Compares JSON documents as data: member order does not matter, numbers compare by value, and two ISO 8601 date-times
/// are the same when they are the same instant with the same offset (<c>Z</c> and <c>+00:00</c> are both written).
/// </summary>
internal static class JsonEquivalence
{
    /// <summary>Where <paramref name="left"/> and <paramref name="right"/> first differ, or null when they are equivalent.</summary>
    public static string? Difference(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) =>
        Difference(JsonNode.Parse(left), JsonNode.Parse(right), "$", subset: false, skipped: null);

    /// <summary>
    /// Where <paramref name="part"/> is not <paramref name="whole"/> less some of its members, or null when it is; the
    /// members of <paramref name="whole"/> that <paramref name="part"/> leaves out go to <paramref name="skipped"/>.
    /// </summary>
    public static string? SubsetDifference(ReadOnlySpan<byte> part, ReadOnlySpan<byte> whole, List<string> skipped) =>
        Difference(JsonNode.Parse(part), JsonNode.Parse(whole), "$", subset: true, skipped);

    private static string? Difference(JsonNode? left, JsonNode? right, string path, bool subset, List<string>? skipped)
    {
        switch (left, right)
        {
            case (null, null):
                return null;
            case (JsonObject a, JsonObject b):
                foreach ((string name, JsonNode? value) in a)
                {
                    if (!b.TryGetPropertyValue(name, out JsonNode? other))
                    {
                        return $"{path}.{name} is only on the left";
                    }

                    if (Difference(value, other, $"{path}.{name}", subset, skipped) is string difference)
                    {
                        return difference;
                    }
                }

                foreach (string name in b.Select(pair => pair.Key).Where(name => !a.ContainsKey(name)))
                {
                    if (!subset)
                    {
                        return $"{path}.{name} is only on the right";
                    }

                    skipped!.Add($"{path}.{name}");
                }

                return null;
            case (JsonArray a, JsonArray b):
                if (a.Count != b.Count)
                {
                    return $"{path} has {a.Count} items on the left, {b.Count} on the right";
                }

                for (int i = 0; i < a.Count; i++)
                {
                    if (Difference(a[i], b[i], $"{path}[{i}]", subset, skipped) is string difference)
                    {
                        return difference;
                    }
                }

                return null;
            case (JsonValue a, JsonValue b) when SameValue(a, b):
                return null;
            default:
                return $"{path}: {left?.ToJsonString() ?? "null"} on the left, {right?.ToJsonString() ?? "null"} on the right";
        }
    }

    private static bool SameValue(JsonValue left, JsonValue right)
    {
        JsonValueKind kind = left.GetValueKind();
        if (kind != right.GetValueKind())
        {
            return false;
        }

        if (kind == JsonValueKind.Number)
        {
            return decimal.Parse(left.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                == decimal.Parse(right.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (kind != JsonValueKind.String)
        {
            return left.ToJsonString() == right.ToJsonString();
        }

        string a = left.GetValue<string>(), b = right.GetValue<string>();
        return a == b || (DateTime(a) is DateTimeOffset x && DateTime(b) is DateTimeOffset y && x == y && x.Offset == y.Offset);
    }

    private static DateTimeOffset? DateTime(string text) =>
        text.Length >= 20 && text[4] == '-' && text[10] == 'T'
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTimeOffset value)
            ? value
            : null;
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MagicHour.Codegen.Tests;

/// <summary>
/// Makes random JSON that a schema of an OpenAPI 3.0 document accepts, from a seed: odd but valid URIs, long strings,
/// escapes and non-ASCII text, boundary numbers, nulls where the schema allows them, optional properties left out.
/// </summary>
internal sealed class SchemaSampler
{
    private const int MaxDepth = 12;

    /// <summary>URIs that RFC 3986 allows, several of which <see cref="Uri"/> rejects.</summary>
    private static readonly string[] OddUris =
    {
        "https://a+b.example.com/out.png",
        "https://a,b.example.com/x?y=1&z=%20",
        "https://a!b.example/x#frag",
        "https://a$b.example/it's(1)",
        "http://[::1]:8080/p/../q",
        "https://xn--d1acufc.xn--p1ai/%D0%BF%D1%83%D1%82%D1%8C",
        "HTTPS://EXAMPLE.COM/%7Euser",
        "urn:isbn:0451450523",
        "mailto:someone@example.com",
        "https://videos.magichour.ai/id/output.png?auth-value=1234567890&sig=a%2Bb",
    };

    private static readonly string[] Texts =
    {
        string.Empty,
        "plain",
        "quote \" backslash \\ slash / tab \t newline \n",
        "control \u0001\u001f and del \u007f",
        "Zoë in Zürich, 東京, Ελληνικά",
        "fox 🦊 and family 👨‍👩‍👧",
        "line\u2028separator\u2029paragraph",
        "<script>alert('x')</script>&amp;",
    };

    private readonly JsonElement _document;
    private readonly Random _random;

    public SchemaSampler(JsonElement document, int seed)
    {
        _document = document;
        _random = new Random(seed);
    }

    public JsonNode? Sample(JsonElement schema) => Sample(schema, 0);

    private JsonNode? Sample(JsonElement schema, int depth)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("allOf", out JsonElement allOf))
        {
            return Sample(Merge(allOf.EnumerateArray().Select(Resolve)), depth);
        }

        if (schema.TryGetProperty("oneOf", out JsonElement oneOf) || schema.TryGetProperty("anyOf", out oneOf))
        {
            JsonElement[] choices = oneOf.EnumerateArray().ToArray();
            return Sample(choices[_random.Next(choices.Length)], depth);
        }

        if (Flag(schema, "nullable") && _random.Next(4) == 0)
        {
            return null;
        }

        if (schema.TryGetProperty("enum", out JsonElement values))
        {
            JsonElement[] choices = values.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).ToArray();
            return JsonNode.Parse(choices[_random.Next(choices.Length)].GetRawText());
        }

        string type = schema.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : schema.TryGetProperty("properties", out _) ? "object" : "string";
        return type switch
        {
            "object" => SampleObject(schema, depth),
            "array" => SampleArray(schema, depth),
            "integer" => JsonValue.Create(SampleInteger(schema)),
            "number" => SampleNumber(schema),
            "boolean" => JsonValue.Create(_random.Next(2) == 0),
            _ => JsonValue.Create(SampleString(schema)),
        };
    }

    private JsonObject SampleObject(JsonElement schema, int depth)
    {
        var result = new JsonObject();
        var required = schema.TryGetProperty("required", out JsonElement list) ? list.EnumerateArray().Select(r => r.GetString()!).ToHashSet() : new HashSet<string>();
        if (schema.TryGetProperty("properties", out JsonElement properties))
        {
            foreach (JsonProperty property in properties.EnumerateObject())
            {
                if (required.Contains(property.Name) || (depth < MaxDepth && _random.Next(2) == 0))
                {
                    result[property.Name] = Sample(property.Value, depth + 1);
                }
            }
        }
        else if (schema.TryGetProperty("additionalProperties", out JsonElement values) && values.ValueKind == JsonValueKind.Object && depth < MaxDepth)
        {
            for (int i = _random.Next(3); i > 0; i--)
            {
                result[SampleText(1, 20) + i.ToString(CultureInfo.InvariantCulture)] = Sample(values, depth + 1);
            }
        }

        return result;
    }

    private JsonArray SampleArray(JsonElement schema, int depth)
    {
        var result = new JsonArray();
        int min = Int(schema, "minItems") ?? 0;
        int max = Math.Max(min, Math.Min(Int(schema, "maxItems") ?? 3, min + 3));
        int count = depth >= MaxDepth ? min : _random.Next(min, max + 1);
        for (int i = 0; i < count; i++)
        {
            result.Add(Sample(schema.GetProperty("items"), depth + 1));
        }

        return result;
    }

    private long SampleInteger(JsonElement schema)
    {
        bool wide = schema.TryGetProperty("format", out JsonElement format) && format.GetString() == "int64";
        long min = Long(schema, "minimum") ?? (wide ? long.MinValue : int.MinValue);
        long max = Long(schema, "maximum") ?? (wide ? long.MaxValue : int.MaxValue);
        long[] boundaries = { min, max, Math.Min(max, Math.Max(min, 0)), Math.Min(max, min + 1), Math.Max(min, max - 1) };
        return _random.Next(3) == 0 ? (max == long.MaxValue ? _random.NextInt64(min, max) : _random.NextInt64(min, max + 1)) : boundaries[_random.Next(boundaries.Length)];
    }

    private JsonNode SampleNumber(JsonElement schema)
    {
        double min = Double(schema, "minimum") ?? -1e6;
        double max = Double(schema, "maximum") ?? 1e6;
        double[] boundaries = { min, max, Math.Min(max, Math.Max(min, 0)), Math.Min(max, Math.Max(min, 1e-7)), Math.Min(max, Math.Max(min, 0.1)) };
        double value = _random.Next(3) == 0 ? min + (_random.NextDouble() * (max - min)) : boundaries[_random.Next(boundaries.Length)];

        // The text of a float property is a float's shortest form: a double would not survive being read as one.
        string text = schema.TryGetProperty("format", out JsonElement format) && format.GetString() == "float"
            ? ((float)value).ToString("R", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
        return JsonNode.Parse(text)!;
    }

    private string SampleString(JsonElement schema)
    {
        string? format = schema.TryGetProperty("format", out JsonElement f) ? f.GetString() : null;
        switch (format)
        {
            case "uri" or "url":
                return OddUris[_random.Next(OddUris.Length)];
            case "date-time":
                return SampleDateTime();
            case "date":
                return new DateOnly(1 + _random.Next(9999), 1 + _random.Next(12), 1 + _random.Next(28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case "uuid":
                return new Guid(Enumerable.Range(0, 16).Select(_ => (byte)_random.Next(256)).ToArray()).ToString();
        }

        int minLength = Int(schema, "minLength") ?? 0;
        int maxLength = Int(schema, "maxLength") ?? 20_000;
        if (schema.TryGetProperty("pattern", out _))
        {
            // A regex is not sampled: the spec's example matches it.
            return schema.TryGetProperty("example", out JsonElement example) && example.ValueKind == JsonValueKind.String ? example.GetString()! : "abc";
        }

        return SampleText(minLength, maxLength);
    }

    private string SampleText(int minLength, int maxLength)
    {
        string text = _random.Next(5) switch
        {
            0 => new string('x', Math.Min(maxLength, 10_000)),
            _ => Texts[_random.Next(Texts.Length)],
        };
        var builder = new StringBuilder(text);
        while (builder.Length < minLength)
        {
            builder.Append('y');
        }

        // Cut between whole characters: a lone surrogate is no valid JSON string.
        string result = builder.ToString();
        if (result.Length > maxLength)
        {
            int cut = maxLength;
            if (cut > 0 && char.IsHighSurrogate(result[cut - 1]))
            {
                cut--;
            }

            result = result.Substring(0, cut);
        }

        return result;
    }

    /// <summary>A date-time in the form the generated writer gives back: UTC with <c>Z</c> and no trailing zeros, or an offset.</summary>
    private string SampleDateTime()
    {
        var utc = new DateTime(1970 + _random.Next(100), 1 + _random.Next(12), 1 + _random.Next(28), _random.Next(24), _random.Next(60), _random.Next(60), DateTimeKind.Utc)
            .AddTicks(_random.Next(3) == 0 ? 0 : _random.Next(10_000_000));
        return _random.Next(3) == 0
            ? new DateTimeOffset(utc).ToOffset(TimeSpan.FromMinutes(330)).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    private JsonElement Resolve(JsonElement schema)
    {
        for (int hops = 0; schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out JsonElement reference) && hops < 32; hops++)
        {
            JsonElement target = _document;
            foreach (string segment in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(segment.Replace("~1", "/").Replace("~0", "~"));
            }

            schema = target;
        }

        return schema;
    }

    private static JsonElement Merge(IEnumerable<JsonElement> parts)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (JsonElement part in parts)
        {
            if (part.TryGetProperty("properties", out JsonElement p))
            {
                foreach (JsonProperty property in p.EnumerateObject())
                {
                    properties[property.Name] = JsonNode.Parse(property.Value.GetRawText());
                }
            }

            if (part.TryGetProperty("required", out JsonElement r))
            {
                foreach (JsonElement name in r.EnumerateArray())
                {
                    required.Add(name.GetString());
                }
            }
        }

        return JsonDocument.Parse(new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = required }.ToJsonString()).RootElement;
    }

    private static bool Flag(JsonElement schema, string name) => schema.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.True;

    private static int? Int(JsonElement schema, string name) => schema.TryGetProperty(name, out JsonElement value) && value.TryGetInt32(out int number) ? number : null;

    private static long? Long(JsonElement schema, string name) => schema.TryGetProperty(name, out JsonElement value) && value.TryGetInt64(out long number) ? number : null;

    private static double? Double(JsonElement schema, string name) => schema.TryGetProperty(name, out JsonElement value) && value.TryGetDouble(out double number) ? number : null;
}

using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MagicHour.Emulator.Spec;

/// <summary>
/// Checks a JSON value against the subset of OpenAPI 3.0 schema keywords the spec uses:
/// type, nullable, required, properties, items, enum, minLength, maxLength, minimum, maximum,
/// minItems, maxItems, pattern, allOf and local $ref. Unknown properties are allowed.
/// </summary>
internal sealed class SchemaValidator(ApiSpec spec)
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>Returns the first violation as "field.path: problem", or null when the value is valid.</summary>
    public string? Validate(JsonElement value, JsonElement schema) => Validate(value, schema, "");

    private string? Validate(JsonElement value, JsonElement schema, string path)
    {
        if (schema.TryGetProperty("$ref", out JsonElement reference))
        {
            return Validate(value, spec.ResolveReference(reference.GetString()!), path);
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            bool nullable = schema.TryGetProperty("nullable", out JsonElement flag) && flag.ValueKind == JsonValueKind.True;
            return nullable || !schema.TryGetProperty("type", out _) ? null : Problem(path, "must not be null");
        }

        if (schema.TryGetProperty("allOf", out JsonElement allOf))
        {
            foreach (JsonElement part in allOf.EnumerateArray())
            {
                string? problem = Validate(value, part, path);
                if (problem is not null)
                {
                    return problem;
                }
            }
        }

        if (schema.TryGetProperty("type", out JsonElement typeElement))
        {
            string type = typeElement.GetString()!;
            if (!HasType(value, type))
            {
                return Problem(path, "must be " + TypeName(type));
            }
        }

        if (schema.TryGetProperty("enum", out JsonElement allowed) && !allowed.EnumerateArray().Any(option => JsonEquals(option, value)))
        {
            return Problem(path, "must be one of " + string.Join(", ", allowed.EnumerateArray().Select(option => option.GetRawText())));
        }

        return value.ValueKind switch
        {
            JsonValueKind.Object => ValidateObject(value, schema, path),
            JsonValueKind.Array => ValidateArray(value, schema, path),
            JsonValueKind.String => ValidateString(value.GetString()!, schema, path),
            JsonValueKind.Number => ValidateNumber(value, schema, path),
            _ => null,
        };
    }

    private string? ValidateObject(JsonElement value, JsonElement schema, string path)
    {
        if (schema.TryGetProperty("required", out JsonElement required))
        {
            foreach (JsonElement name in required.EnumerateArray())
            {
                if (!value.TryGetProperty(name.GetString()!, out _))
                {
                    return Problem(Join(path, name.GetString()!), "is required");
                }
            }
        }

        if (schema.TryGetProperty("properties", out JsonElement properties))
        {
            foreach (JsonProperty property in properties.EnumerateObject())
            {
                if (value.TryGetProperty(property.Name, out JsonElement propertyValue))
                {
                    string? problem = Validate(propertyValue, property.Value, Join(path, property.Name));
                    if (problem is not null)
                    {
                        return problem;
                    }
                }
            }
        }

        return null;
    }

    private string? ValidateArray(JsonElement value, JsonElement schema, string path)
    {
        int count = value.GetArrayLength();
        if (schema.TryGetProperty("minItems", out JsonElement minItems) && count < minItems.GetInt32())
        {
            return Problem(path, $"must have at least {Plural(minItems.GetInt32(), "item")}");
        }

        if (schema.TryGetProperty("maxItems", out JsonElement maxItems) && count > maxItems.GetInt32())
        {
            return Problem(path, $"must have at most {Plural(maxItems.GetInt32(), "item")}");
        }

        if (schema.TryGetProperty("items", out JsonElement itemSchema))
        {
            int index = 0;
            foreach (JsonElement item in value.EnumerateArray())
            {
                string? problem = Validate(item, itemSchema, $"{path}[{index}]");
                if (problem is not null)
                {
                    return problem;
                }

                index++;
            }
        }

        return null;
    }

    private static string? ValidateString(string text, JsonElement schema, string path)
    {
        // JSON Schema counts characters as code points, not UTF-16 units.
        int length = text.EnumerateRunes().Count();
        if (schema.TryGetProperty("minLength", out JsonElement minLength) && length < minLength.GetInt32())
        {
            return Problem(path, $"must be at least {Plural(minLength.GetInt32(), "character")}");
        }

        if (schema.TryGetProperty("maxLength", out JsonElement maxLength) && length > maxLength.GetInt32())
        {
            return Problem(path, $"must be at most {Plural(maxLength.GetInt32(), "character")}");
        }

        if (schema.TryGetProperty("pattern", out JsonElement patternElement))
        {
            string pattern = patternElement.GetString()!;
            Regex regex = Patterns.GetOrAdd(pattern, static p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
            if (!regex.IsMatch(text))
            {
                return Problem(path, $"must match the pattern {pattern}");
            }
        }

        return null;
    }

    private static string? ValidateNumber(JsonElement value, JsonElement schema, string path)
    {
        double number = value.GetDouble();
        if (schema.TryGetProperty("minimum", out JsonElement minimum) && number < minimum.GetDouble())
        {
            return Problem(path, $"must be at least {minimum.GetRawText()}");
        }

        if (schema.TryGetProperty("maximum", out JsonElement maximum) && number > maximum.GetDouble())
        {
            return Problem(path, $"must be at most {maximum.GetRawText()}");
        }

        return null;
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && IsInteger(value),
        _ => true,
    };

    private static bool IsInteger(JsonElement number)
    {
        if (number.TryGetDecimal(out decimal exact))
        {
            return decimal.Truncate(exact) == exact;
        }

        double approximate = number.GetDouble();
        return double.IsFinite(approximate) && Math.Floor(approximate) == approximate;
    }

    private static bool JsonEquals(JsonElement expected, JsonElement actual)
    {
        if (expected.ValueKind == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number)
        {
            return expected.TryGetDecimal(out decimal left) && actual.TryGetDecimal(out decimal right)
                ? left == right
                : expected.GetDouble().Equals(actual.GetDouble());
        }

        return JsonElement.DeepEquals(expected, actual);
    }

    private static string TypeName(string type) => type switch
    {
        "object" => "an object",
        "array" => "an array",
        "integer" => "an integer",
        _ => "a " + type,
    };

    private static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string Problem(string path, string problem) => (path.Length == 0 ? "body" : path) + ": " + problem;
}

using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace MagicHour.Codegen.Parsing;

/// <summary>
/// Reads what a spec says about the individual values of an enum schema: which are deprecated (and why), what each
/// means, and which member name it wants for each. Deprecations come in two forms: extensions (<c>x-enum-deprecated</c>
/// and its spellings, as a list of values or a map of value to note) and the Markdown section that the Magic Hour
/// document uses: <c>**Deprecated Enum Values:**</c> followed by <c>- `seedream` - Use `seedream-v4` instead.</c>
/// </summary>
internal static class EnumValueAnnotations
{
    private static readonly string[] DeprecatedExtensionNames = { "x-enum-deprecated", "x-enumDeprecated", "x-deprecated-enum-values", "x-enum-deprecations" };
    private static readonly string[] DescriptionExtensionNames = { "x-enum-descriptions", "x-enumDescriptions" };
    private static readonly string[] VarNameExtensionNames = { "x-enum-varnames", "x-enumNames", "x-enum-names" };

    private static readonly Regex DeprecatedSection = new(@"\*{0,2}Deprecated Enum Values:?\*{0,2}:?\s*\n(?<items>(?:[ \t]*[-*][^\n]*(?:\n|$))+)", RegexOptions.IgnoreCase);
    private static readonly Regex BulletItem = new(@"^[ \t]*[-*][ \t]*`(?<value>[^`]+)`[ \t]*(?:[-–—:][ \t]*)?(?<text>.*)$", RegexOptions.Multiline);

    /// <summary>Deprecated values and the spec's note on each (empty when it gives none).</summary>
    public static Dictionary<string, string> ReadDeprecations(IOpenApiSchema schema)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (schema.Description is { Length: > 0 } description)
        {
            Match section = DeprecatedSection.Match(description.Replace("\r\n", "\n"));
            if (section.Success)
            {
                foreach (Match item in BulletItem.Matches(section.Groups["items"].Value))
                {
                    result[item.Groups["value"].Value] = item.Groups["text"].Value.Trim();
                }
            }
        }

        JsonNode? extension = FindExtension(schema, DeprecatedExtensionNames);
        if (extension is JsonArray values)
        {
            foreach (JsonNode? value in values)
            {
                if (value is JsonValue v && v.TryGetValue(out string? text) && !result.ContainsKey(text))
                {
                    result[text] = string.Empty;
                }
            }
        }
        else if (extension is JsonObject map)
        {
            foreach (KeyValuePair<string, JsonNode?> pair in map)
            {
                string message = pair.Value is JsonValue v && v.TryGetValue(out string? text) ? text : string.Empty;
                if (pair.Value is JsonValue b && b.TryGetValue(out bool flag) && !flag)
                {
                    continue;
                }

                result[pair.Key] = message;
            }
        }

        return result;
    }

    /// <summary>What the description's bullet list (<c>- `value` - text</c>, with indented sub-items) says of each value.</summary>
    public static Dictionary<string, string> ReadDescriptions(IOpenApiSchema schema, IList<string> values)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonNode? extension = FindExtension(schema, DescriptionExtensionNames);
        if (extension is JsonArray array)
        {
            for (int i = 0; i < array.Count && i < values.Count; i++)
            {
                if (array[i] is JsonValue v && v.TryGetValue(out string? text))
                {
                    result[values[i]] = text;
                }
            }
        }
        else if (extension is JsonObject map)
        {
            foreach (KeyValuePair<string, JsonNode?> pair in map)
            {
                if (pair.Value is JsonValue v && v.TryGetValue(out string? text))
                {
                    result[pair.Key] = text;
                }
            }
        }

        if (schema.Description is not { Length: > 0 } description)
        {
            return result;
        }

        string[] lines = description.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            Match match = BulletItem.Match(lines[i]);
            if (!match.Success || result.ContainsKey(match.Groups["value"].Value))
            {
                continue;
            }

            int indent = lines[i].Length - lines[i].TrimStart().Length;
            var text = new List<string> { match.Groups["text"].Value.Trim() };
            while (i + 1 < lines.Length && lines[i + 1].Trim().Length > 0 && lines[i + 1].Length - lines[i + 1].TrimStart().Length > indent)
            {
                text.Add(lines[++i].Trim());
            }

            result[match.Groups["value"].Value] = string.Join("\n", text).Trim();
        }

        return result;
    }

    /// <summary>Member names the spec chooses (<c>x-enum-varnames</c>), aligned with the values.</summary>
    public static string?[] ReadMemberNames(IOpenApiSchema schema, int count)
    {
        var names = new string?[count];
        if (FindExtension(schema, VarNameExtensionNames) is JsonArray array)
        {
            for (int i = 0; i < array.Count && i < count; i++)
            {
                names[i] = array[i] is JsonValue v && v.TryGetValue(out string? text) ? text : null;
            }
        }

        return names;
    }

    private static JsonNode? FindExtension(IOpenApiSchema schema, string[] names)
    {
        IDictionary<string, IOpenApiExtension>? extensions = schema.Extensions;
        if (extensions is null)
        {
            return null;
        }

        foreach (string name in names)
        {
            if (extensions.TryGetValue(name, out IOpenApiExtension? extension) && extension is JsonNodeExtension node)
            {
                return node.Node;
            }
        }

        return null;
    }
}

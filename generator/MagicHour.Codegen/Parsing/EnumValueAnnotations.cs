using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
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

    private const string DeprecatedHeading = "Deprecated Enum Values";

    /// <summary>Deprecated values and the spec's note on each (empty when it gives none).</summary>
    public static Dictionary<string, string> ReadDeprecations(IOpenApiSchema schema)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (schema.Description is { Length: > 0 } description)
        {
            if (DeprecatedSection(description.Replace("\r\n", "\n")) is { } section)
            {
                // One item per bullet line; a value whose closing backtick is on a later line takes those lines along.
                for (int line = 0; line < section.Length;)
                {
                    if (TryReadBullet(section, line, out string value, out string note, out int end))
                    {
                        result[value] = note.Trim();
                        line = end + 1;
                    }
                    else
                    {
                        int next = section.IndexOf('\n', line);
                        line = next < 0 ? section.Length : next + 1;
                    }
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
            if (!TryReadBullet(lines[i], 0, out string value, out string first, out _) || result.ContainsKey(value))
            {
                continue;
            }

            int indent = lines[i].Length - lines[i].TrimStart().Length;
            var text = new List<string> { first.Trim() };
            while (i + 1 < lines.Length && lines[i + 1].Trim().Length > 0 && lines[i + 1].Length - lines[i + 1].TrimStart().Length > indent)
            {
                text.Add(lines[++i].Trim());
            }

            result[value] = string.Join("\n", text).Trim();
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

    /// <summary>
    /// The bullet lines under the first <c>**Deprecated Enum Values:**</c> heading (in any case, bold or not, with or
    /// without a colon) that ends its line and has bullet lines (<c>-</c> or <c>*</c>) right below; null when there is none.
    /// </summary>
    private static string? DeprecatedSection(string text)
    {
        for (int at = text.IndexOf(DeprecatedHeading, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(DeprecatedHeading, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            int i = at + DeprecatedHeading.Length;
            i = Skip(text, i, ':', 1);
            i = Skip(text, i, '*', 2);
            i = Skip(text, i, ':', 1);

            // The section starts after the last line break in the white space that follows.
            int start = -1;
            for (; i < text.Length && char.IsWhiteSpace(text[i]); i++)
            {
                if (text[i] == '\n')
                {
                    start = i + 1;
                }
            }

            if (start < 0)
            {
                continue;
            }

            int end = start;
            while (IsBulletLine(text, end))
            {
                int lineBreak = text.IndexOf('\n', end);
                end = lineBreak < 0 ? text.Length : lineBreak + 1;
            }

            if (end > start)
            {
                return text.Substring(start, end - start);
            }
        }

        return null;
    }

    /// <summary>
    /// A bullet item at <paramref name="start"/>, <c>- `value` - text</c>: a <c>-</c> or <c>*</c>, the value between
    /// backticks, then an optional separator (<c>-</c>, <c>–</c>, <c>—</c> or <c>:</c>) and the text to the end of the
    /// line, which is <paramref name="end"/>.
    /// </summary>
    private static bool TryReadBullet(string text, int start, out string value, out string note, out int end)
    {
        value = note = string.Empty;
        end = start;
        if (!IsBulletLine(text, start))
        {
            return false;
        }

        int i = SkipBlanks(text, SkipBlanks(text, start) + 1);
        int close = i + 1 < text.Length && text[i] == '`' ? text.IndexOf('`', i + 1) : -1;
        if (close <= i + 1)
        {
            return false;
        }

        value = text.Substring(i + 1, close - i - 1);
        i = SkipBlanks(text, close + 1);
        if (i < text.Length && text[i] is '-' or '–' or '—' or ':')
        {
            i = SkipBlanks(text, i + 1);
        }

        end = text.IndexOf('\n', i);
        end = end < 0 ? text.Length : end;
        note = text.Substring(i, end - i);
        return true;
    }

    /// <summary>Whether the line at <paramref name="start"/> is a bullet: spaces or tabs, then <c>-</c> or <c>*</c>.</summary>
    private static bool IsBulletLine(string text, int start)
    {
        int i = SkipBlanks(text, start);
        return i < text.Length && text[i] is '-' or '*';
    }

    /// <summary>Past the spaces and tabs at <paramref name="i"/>.</summary>
    private static int SkipBlanks(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    /// <summary>Past up to <paramref name="most"/> of <paramref name="c"/> at <paramref name="i"/>.</summary>
    private static int Skip(string text, int i, char c, int most)
    {
        for (int n = 0; n < most && i < text.Length && text[i] == c; n++)
        {
            i++;
        }

        return i;
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

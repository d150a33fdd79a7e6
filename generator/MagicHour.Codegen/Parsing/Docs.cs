using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using MagicHour.Codegen.Model;
using Microsoft.OpenApi;

namespace MagicHour.Codegen.Parsing;

/// <summary>Builds the documentation of generated members from a schema: description, default, example and limits.</summary>
internal static class Docs
{
    public static DocModel ForSchema(IOpenApiSchema schema) => Split(schema.Description ?? schema.Title, null);

    /// <param name="reference">The property's schema as written: a <c>$ref</c> may carry a description of its own.</param>
    /// <param name="schema">The schema it stands for (every read of a $ref's keyword resolves it anew in Microsoft.OpenApi).</param>
    public static DocModel ForProperty(IOpenApiSchema reference, IOpenApiSchema schema)
    {
        var notes = new List<string>();
        if (schema.Format is "uri" or "url")
        {
            // Kept as a string: System.Uri rejects some values the format allows, and one such value must not make a whole response unreadable.
            notes.Add("A URI.");
        }

        if (schema.Default is { } defaultValue)
        {
            notes.Add($"Default: `{Compact(defaultValue)}`.");
        }

        string? limits = Limits(schema);
        if (limits is not null)
        {
            notes.Add(limits);
        }

        if (ExampleOf(schema) is { } example && example.GetValueKind() is not System.Text.Json.JsonValueKind.Object and not System.Text.Json.JsonValueKind.Array)
        {
            notes.Add($"Example: `{Compact(example)}`.");
        }

        // Without a description, the notes are the summary; without either, the property has no doc comment (a filler
        // such as "The `id` field." would only repeat its name).
        string? noted = notes.Count == 0 ? null : string.Join("\n", notes);
        string? description = reference is OpenApiSchemaReference { Reference: { } own }
            ? (string.IsNullOrEmpty(own.Description) ? schema.Description : own.Description)
            : reference.Description;
        return description is { Length: > 0 } && description.Trim().Length > 0
            ? Split(description, noted)
            : new DocModel(noted, null);
    }

    /// <summary>The schema a <c>$ref</c> points to (the schema itself otherwise, or when the reference does not resolve).</summary>
    public static IOpenApiSchema Target(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchemaReference reference)
        {
            return schema;
        }

        try
        {
            return reference.Target ?? schema;
        }
        catch (System.InvalidOperationException)
        {
            return schema;
        }
    }

    /// <summary>Summary is the first paragraph; the rest and <paramref name="notes"/> go to remarks.</summary>
    public static DocModel Split(string? description, string? notes)
    {
        string text = (description ?? string.Empty).Replace("\r\n", "\n").Trim();
        string? summary = null;
        string? remarks = null;
        if (text.Length > 0)
        {
            int paragraphEnd = text.IndexOf("\n\n", System.StringComparison.Ordinal);
            summary = paragraphEnd < 0 ? text : text.Substring(0, paragraphEnd).Trim();
            remarks = paragraphEnd < 0 ? null : text.Substring(paragraphEnd + 2).Trim();
        }

        if (notes is not null)
        {
            remarks = remarks is null ? notes : remarks + "\n\n" + notes;
        }

        return new DocModel(summary, string.IsNullOrEmpty(remarks) ? null : remarks);
    }

    /// <summary>Whether every value is a JSON value, and none of them a string.</summary>
    private static bool AllButText(IList<JsonNode> values)
    {
        foreach (JsonNode? value in values)
        {
            if (value is not JsonValue json || json.TryGetValue(out string? _))
            {
                return false;
            }
        }

        return true;
    }

    private static string? Limits(IOpenApiSchema schema)
    {
        var parts = new List<string>();
        if (schema.Enum is { Count: > 0 } values && AllButText(values))
        {
            var shown = new List<string>(values.Count);
            foreach (JsonNode? value in values)
            {
                shown.Add(value is null ? "null" : Compact(value));
            }

            parts.Add("Allowed values: " + string.Join(", ", shown) + ".");
        }

        if (schema.Minimum is { } minimum && schema.Maximum is { } maximum)
        {
            parts.Add($"From {minimum} to {maximum}.");
        }
        else if (schema.Minimum is { } min)
        {
            parts.Add($"At least {min}.");
        }
        else if (schema.Maximum is { } max)
        {
            parts.Add($"At most {max}.");
        }

        if (schema.MinLength is { } minLength && schema.MaxLength is { } maxLength)
        {
            parts.Add($"{minLength} to {maxLength} characters.");
        }
        else if (schema.MinLength is { } minLen && minLen > 0)
        {
            parts.Add($"At least {minLen.ToString(CultureInfo.InvariantCulture)} character{(minLen == 1 ? string.Empty : "s")}.");
        }
        else if (schema.MaxLength is { } maxLen)
        {
            parts.Add($"At most {maxLen.ToString(CultureInfo.InvariantCulture)} characters.");
        }

        if (schema.MinItems is { } minItems && minItems > 0)
        {
            parts.Add($"At least {minItems.ToString(CultureInfo.InvariantCulture)} item{(minItems == 1 ? string.Empty : "s")}.");
        }

        if (schema.MaxItems is { } maxItems)
        {
            parts.Add($"At most {maxItems.ToString(CultureInfo.InvariantCulture)} items.");
        }

        if (schema.Pattern is { Length: > 0 } pattern)
        {
            parts.Add($"Pattern: `{pattern}`.");
        }

        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    private static JsonNode? ExampleOf(IOpenApiSchema schema)
    {
        if (schema.Examples is { Count: > 0 } examples)
        {
            return examples[0];
        }

#pragma warning disable CS0618 // 3.0 documents put their single example here.
        return schema.Example;
#pragma warning restore CS0618
    }

    private static string Compact(JsonNode node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : node.ToJsonString();
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using MagicHour.Codegen.Diagnostics;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Naming;
using Microsoft.CodeAnalysis;

namespace MagicHour.Codegen.Parsing;

/// <summary>The state of one parse: where things are in the file, the names handed out, the types and diagnostics found.</summary>
internal sealed class ParseContext
{
    private static readonly string[] GenericSummaries = { "body", "success", "ok", "successful response", "successful operation", "response", "request body" };

    private readonly JsonDocument _raw;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly Dictionary<string, int> _typeIndex = new(StringComparer.Ordinal);

    public ParseContext(JsonDocument raw, bool isSwagger2)
    {
        _raw = raw;
        IsSwagger2 = isSwagger2;
    }

    public bool IsSwagger2 { get; }

    /// <summary>
    /// The names of generated types (records, enums, unions, converters, client classes). Framework and runtime types
    /// are written fully qualified, so every name is free; case is ignored because each type names its generated file.
    /// </summary>
    public NameScope TypeNames { get; } = NameScope.IgnoringCase();

    public List<TypeModel> Types { get; } = new();

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    /// <summary>
    /// Gives an inline request or response type that the spec leaves undocumented (or documents as just "Success" or
    /// "Body") a summary that says which operation it belongs to. Component schemas keep what the spec says.
    /// </summary>
    public void DescribeIfUndocumented(TypeRef? type, string summary)
    {
        if (type?.Kind != TypeRefKind.Object)
        {
            return;
        }

        // Types are only appended (and replaced in place, under the same name): index the new ones.
        for (int i = _typeIndex.Count; i < Types.Count; i++)
        {
            _typeIndex[Types[i].Name] = i;
        }

        if (!_typeIndex.TryGetValue(type.Name!, out int index) || !Types[index].SourcePointer.StartsWith("/paths/", StringComparison.Ordinal))
        {
            return;
        }

        string? current = Types[index].Documentation.Summary?.Trim().TrimEnd('.');
        if (current is null || current.Length == 0 || Array.IndexOf(GenericSummaries, current.ToLowerInvariant()) >= 0)
        {
            Types[index] = Types[index] with { Documentation = new DocModel(summary, Types[index].Documentation.Remarks) };
        }
    }

    /// <summary>Reports a diagnostic at <paramref name="pointer"/>; its message gets the pointer (e.g. <c>#/paths/~1pets/get</c>) as <c>{0}</c>.</summary>
    public void Report(DiagnosticDescriptor descriptor, string pointer, params string[] args)
    {
        string source = SourcePointer(pointer);
        var messageArgs = new string[args.Length + 1];
        messageArgs[0] = "#" + source;
        args.CopyTo(messageArgs, 1);
        _diagnostics.Add(DiagnosticInfo.At(descriptor, source, messageArgs));
    }

    /// <summary>Reports a problem that lies outside the document, e.g. in MSBuild metadata: no location, the message says where.</summary>
    public void ReportWithoutLocation(DiagnosticDescriptor descriptor, params string[] args) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, null, args));

    /// <summary>
    /// Reads a keyword straight from the document. Microsoft.OpenApi drops <c>nullable: true</c> on a schema without a
    /// <c>type</c> (the usual <c>allOf: [$ref], nullable: true</c> pattern), so the raw JSON is the only place to see it.
    /// </summary>
    public bool RawFlag(string pointer, string keyword)
    {
        if (!TryGetRaw(SourcePointer(pointer), out JsonElement element) || element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        return element.TryGetProperty(keyword, out JsonElement value) && value.ValueKind == JsonValueKind.True;
    }

    /// <summary>Maps a pointer in the OpenAPI 3 object model to the document's own layout (Swagger 2.0 differs).</summary>
    private string SourcePointer(string pointer)
    {
        if (IsSwagger2 && pointer.StartsWith("/components/schemas/", StringComparison.Ordinal))
        {
            return "/definitions/" + pointer.Substring("/components/schemas/".Length);
        }

        return pointer;
    }

    private bool TryGetRaw(string pointer, out JsonElement element)
    {
        element = _raw.RootElement;
        if (pointer.Length == 0)
        {
            return true;
        }

        foreach (string escaped in pointer.Substring(1).Split('/'))
        {
            string segment = escaped.Replace("~1", "/").Replace("~0", "~");
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segment, out JsonElement child))
            {
                element = child;
            }
            else if (element.ValueKind == JsonValueKind.Array && int.TryParse(segment, out int index) && index >= 0 && index < element.GetArrayLength())
            {
                element = element[index];
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}

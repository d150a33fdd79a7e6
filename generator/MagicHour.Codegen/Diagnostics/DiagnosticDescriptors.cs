using Microsoft.CodeAnalysis;

namespace MagicHour.Codegen.Diagnostics;

/// <summary>Every diagnostic the generator reports. IDs are stable: never reuse or renumber one.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "MagicHour.Codegen";

    public static readonly DiagnosticDescriptor InvalidJson = new(
        "MHCG0001",
        "The OpenAPI file is not valid JSON",
        "'{0}' is not valid JSON: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotOpenApi = new(
        "MHCG0002",
        "The file is not an OpenAPI document",
        "'{0}' is not an OpenAPI document the generator can read: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "MHCG0003",
        "A $ref cannot be resolved",
        "The reference '{0}' points to nothing in the document; the value is typed as JsonElement",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = new(
        "MHCG0004",
        "A construct is not supported yet",
        "{0} is not supported yet: {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ReaderProblem = new(
        "MHCG0005",
        "The OpenAPI reader reported a problem",
        "The OpenAPI reader reported: {0}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GeneratorFailure = new(
        "MHCG0006",
        "The generator failed on this document",
        "The generator could not process '{0}' ({1}); please report this with the document. Nothing was generated for it.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    // MHCG0007 was never reported and is not used; keep the number free rather than reuse it.
    public static readonly DiagnosticDescriptor PartSkipped = new(
        "MHCG0008",
        "The generator failed on part of the document",
        "The generator could not process {0} ({1}); it is left out and the rest is generated. Please report this with the document.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    // MHCG0030–0039: mistakes in the workflow overrides (MSBuild metadata or x-magichour-* extensions).
    public static readonly DiagnosticDescriptor MalformedWorkflowOverride = new(
        "MHCG0030",
        "A workflow override is malformed",
        "{0}: the entry '{1}' is not {2}; it is ignored",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor WorkflowOverrideUnknownOperation = new(
        "MHCG0031",
        "A workflow override names an operation that does not create a project",
        "{0}: the entry '{1}' names the operation '{2}', which {3}; the entry is ignored",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor WorkflowOverrideUnknownStatusOperation = new(
        "MHCG0032",
        "A workflow override names a status operation that cannot be polled",
        "{0}: the entry '{1}' names '{2}' as the status operation of '{3}', but {4}; no GenerateAsync is generated for '{3}'",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor WorkflowOverrideUnknownAssetField = new(
        "MHCG0033",
        "A workflow override names an asset field that does not exist",
        "{0}: the entry '{1}' names the asset field '{2}' of '{3}', but {4}; no GenerateAsync is generated for '{3}', so that a local path is never sent to the API as it is",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);
}

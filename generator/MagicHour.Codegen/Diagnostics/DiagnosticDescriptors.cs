using Microsoft.CodeAnalysis;

namespace MagicHour.Codegen.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports: one ID per condition. IDs are stable: never reuse or renumber one. The
/// README's table lists each with its title and description, word for word (a test compares them). Diagnostics placed
/// in the document get the JSON pointer of the place as <c>{0}</c> (see <c>ParseContext.Report</c>).
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "MagicHour.Codegen";

    public static readonly DiagnosticDescriptor InvalidJson = Error(
        "MHCG0001",
        "The OpenAPI file is not valid JSON",
        "'{0}' is not valid JSON: {1}",
        "Nothing is generated from the file; the diagnostic points at the broken line.");

    public static readonly DiagnosticDescriptor NotOpenApi = Error(
        "MHCG0002",
        "The file is not an OpenAPI 2.0 or 3.x document",
        "'{0}' is not an OpenAPI document the generator can read: {1}",
        "Nothing is generated from the file.");

    public static readonly DiagnosticDescriptor UnresolvedReference = Warning(
        "MHCG0003",
        "A $ref points to nothing in the document",
        "The reference '{1}' at {0} points to nothing in the document; the value is typed JsonElement",
        "The value is typed JsonElement.");

    // MHCG0004 was the catch-all for constructs the generator cannot express; it is split into MHCG0010 and later, one
    // ID per condition, and its number stays free.

    public static readonly DiagnosticDescriptor ReaderProblem = Warning(
        "MHCG0005",
        "The OpenAPI reader reported a problem",
        "The OpenAPI reader reported a problem at {0}: {1}",
        "Generation goes on with what the reader understood.");

    public static readonly DiagnosticDescriptor GeneratorFailure = Error(
        "MHCG0006",
        "The generator failed on the document",
        "The generator could not process '{0}' ({1}); please report this with the document. Nothing was generated for it.",
        "Nothing is generated from the file. This is a bug: please report it with the document.");

    // MHCG0007 was never reported; its number stays free.
    public static readonly DiagnosticDescriptor PartSkipped = Warning(
        "MHCG0008",
        "The generator failed on one operation",
        "The generator could not process {1} at {0} ({2}); it is left out and the rest is generated. Please report this with the document.",
        "The operation is left out and the rest is generated. This is a bug: please report it with the document.");

    // MHCG0009 is free.
    public static readonly DiagnosticDescriptor CookieParameterLeftOut = Warning(
        "MHCG0010",
        "A cookie parameter is not supported",
        "The cookie parameter '{1}' of {2} at {0} is not supported; it is left out of the generated method",
        "The parameter is left out of the generated method.");

    public static readonly DiagnosticDescriptor RequiredCookieParameter = Warning(
        "MHCG0011",
        "An operation requires a cookie parameter",
        "{2} is skipped: its required cookie parameter '{1}' at {0} is not supported",
        "The operation is not generated.");

    public static readonly DiagnosticDescriptor ObjectParameterLeftOut = Warning(
        "MHCG0012",
        "A parameter has an object value",
        "The parameter '{1}' of {2} at {0} has an object value, which is not supported; it is left out of the generated method",
        "The parameter is left out of the generated method.");

    public static readonly DiagnosticDescriptor RequiredObjectParameter = Warning(
        "MHCG0013",
        "An operation requires a parameter with an object value",
        "{2} is skipped: its required parameter '{1}' at {0} has an object value, which is not supported",
        "The operation is not generated.");

    public static readonly DiagnosticDescriptor PathPlaceholderWithoutParameter = Warning(
        "MHCG0014",
        "A path placeholder has no parameter",
        "The placeholder '{{{1}}}' in the path of {2} at {0} has no parameter; it is generated as a string parameter",
        "The placeholder becomes a required string parameter.");

    public static readonly DiagnosticDescriptor UnsupportedRequestBody = Warning(
        "MHCG0015",
        "No media type of a request body is supported",
        "{1} is skipped: its request body at {0} is '{2}', and only JSON, multipart, url-encoded and binary bodies are generated",
        "The operation is not generated.");

    public static readonly DiagnosticDescriptor FormWithoutProperties = Warning(
        "MHCG0016",
        "A form body has no properties",
        "{1} is skipped: its {2} body at {0} has no properties to make parameters of",
        "The operation is not generated.");

    public static readonly DiagnosticDescriptor BinaryFieldInUrlEncodedForm = Warning(
        "MHCG0017",
        "A url-encoded form has a binary field",
        "{1} is skipped: the field '{2}' of its url-encoded form at {0} is binary, which only multipart can carry",
        "The operation is not generated.");

    public static readonly DiagnosticDescriptor ObjectFormField = Warning(
        "MHCG0018",
        "A form field has an object value",
        "{1} is skipped: the field '{2}' of its {3} body at {0} has an object value, and only text and file fields are generated",
        "The operation is not generated.");

    public static readonly DiagnosticDescriptor SelfReferencingSchema = Warning(
        "MHCG0019",
        "A schema contains itself without declaring a type",
        "The schema '{1}' at {0} contains itself without declaring a type of its own (e.g. an array of itself); it is typed JsonElement",
        "The value is typed JsonElement.");

    public static readonly DiagnosticDescriptor ReferenceLoop = Warning(
        "MHCG0020",
        "A chain of $refs loops back on itself",
        "The schema '{1}' at {0} cannot be resolved ({2}); it is typed JsonElement",
        "The value is typed JsonElement.");

    public static readonly DiagnosticDescriptor MultiTypeValue = Warning(
        "MHCG0021",
        "A value may have several types",
        "The value at {0} may be any of {1}; it is typed JsonElement, which keeps its JSON whatever the type",
        "The value is typed JsonElement, which keeps its JSON whatever the type.");

    public static readonly DiagnosticDescriptor UnionWithoutDiscriminator = Warning(
        "MHCG0022",
        "A oneOf or anyOf has no discriminator",
        "The '{1}' of {2} schemas at {0} has no discriminator; the value is kept as JSON",
        "The value is kept as JSON: a JsonElement, or for a component schema a union whose only case is Unknown.");

    public static readonly DiagnosticDescriptor UnionOfUnnamedVariants = Warning(
        "MHCG0023",
        "A discriminated oneOf or anyOf has variants that are not named object schemas",
        "The '{1}' of {2} schemas at {0} has a discriminator, but not every variant is a $ref to an object schema of its own; the value is kept as JSON",
        "The value is kept as JSON: a JsonElement, or for a component schema a union whose only case is Unknown.");

    public static readonly DiagnosticDescriptor AdditionalPropertiesBesideProperties = Warning(
        "MHCG0024",
        "An object has additionalProperties beside declared properties",
        "'{1}' at {0} has additionalProperties beside its declared properties; the declared properties are generated and extra ones are skipped when reading",
        "The declared properties are generated; extra ones are skipped when reading.");

    public static readonly DiagnosticDescriptor DuplicateClient = Error(
        "MHCG0025",
        "Two OpenAPI documents generate the same client",
        "'{0}' and {1} generate the same client, {2}.{3}: set the MagicHourNamespace or MagicHourClientName metadata on the AdditionalFiles item of one of them to keep them apart; until then none of them is generated",
        "None of the clashing documents is generated (the others are); set MagicHourNamespace or MagicHourClientName on the AdditionalFiles item of one of them.");

    // MHCG0026-0029 are free. MHCG0030-0039: mistakes in the workflow overrides (MSBuild metadata or x-magichour-*
    // extensions). {0} is where the entry is: the extension's JSON pointer, or the MSBuild metadata's name.
    public static readonly DiagnosticDescriptor MalformedWorkflowOverride = Warning(
        "MHCG0030",
        "A workflow override is malformed",
        "{0}: the entry '{1}' is not {2}; it is ignored",
        "The entry is ignored; the operation keeps the workflow the rules give it.");

    public static readonly DiagnosticDescriptor WorkflowOverrideUnknownOperation = Warning(
        "MHCG0031",
        "A workflow override names an operation that does not create a project",
        "{0}: the entry '{1}' names the operation '{2}', which {3}; the entry is ignored",
        "The entry is ignored.");

    public static readonly DiagnosticDescriptor WorkflowOverrideUnknownStatusOperation = Warning(
        "MHCG0032",
        "A workflow override names a status operation that cannot be polled",
        "{0}: the entry '{1}' names '{2}' as the status operation of '{3}', but {4}; no GenerateAsync is generated for '{3}'",
        "The create operation gets no GenerateAsync.");

    public static readonly DiagnosticDescriptor WorkflowOverrideUnknownAssetField = Warning(
        "MHCG0033",
        "A workflow override names an asset field that does not exist",
        "{0}: the entry '{1}' names the asset field '{2}' of '{3}', but {4}; no GenerateAsync is generated for '{3}', so that a local path is never sent to the API as it is",
        "The create operation gets no GenerateAsync, so that a local path is never sent to the API as it is.");

    private static DiagnosticDescriptor Error(string id, string title, string message, string description) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description);

    private static DiagnosticDescriptor Warning(string id, string title, string message, string description) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description);
}

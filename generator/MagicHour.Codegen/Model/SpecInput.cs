namespace MagicHour.Codegen.Model;

/// <summary>An OpenAPI document the generator was asked to read, with the options that apply to it.</summary>
/// <param name="Path">The file's path, for diagnostics.</param>
/// <param name="Text">The whole text of the file.</param>
/// <param name="Namespace">The namespace to generate into, or null for the default.</param>
/// <param name="ClientName">The root client's name, or null to derive it from the spec's title.</param>
/// <param name="StatusOperations">MSBuild overrides of the polling rule: <c>createOperationId=statusOperationId;…</c>.</param>
/// <param name="AssetFields">MSBuild asset fields: <c>operationId=face_mappings[].new_face,other_field;…</c>.</param>
internal sealed record SpecInput(string Path, string Text, string? Namespace, string? ClientName, string? StatusOperations = null, string? AssetFields = null);

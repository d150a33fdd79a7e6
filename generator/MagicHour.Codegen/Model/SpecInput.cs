namespace MagicHour.Codegen.Model;

/// <summary>An OpenAPI document the generator was asked to read, with the options that apply to it.</summary>
/// <param name="Path">The file's path, for diagnostics.</param>
/// <param name="Text">The whole text of the file.</param>
/// <param name="Namespace">The namespace to generate into, or null for the default.</param>
/// <param name="ClientName">The root client's name, or null to derive it from the spec's title.</param>
internal sealed record SpecInput(string Path, string Text, string? Namespace, string? ClientName);

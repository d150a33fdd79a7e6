using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Diagnostics;

/// <summary>One document's diagnostics, before they are placed in its current text.</summary>
/// <param name="Path">The document's path.</param>
/// <param name="Diagnostics">What reading it found.</param>
internal sealed record DocumentDiagnostics(string Path, ImmutableEquatableArray<DiagnosticInfo> Diagnostics);

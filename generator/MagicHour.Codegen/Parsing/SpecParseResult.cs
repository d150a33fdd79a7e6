using MagicHour.Codegen.Diagnostics;
using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Parsing;

/// <summary>
/// What reading one document gives: the model to emit and, apart from it, the diagnostics to report. The pipeline
/// splits the two, so an edit that only moves diagnostics (whitespace, reordered keys) leaves the emitted code cached.
/// </summary>
/// <param name="Path">The document's path.</param>
internal sealed record SpecParseResult(string Path, ClientModel Model, ImmutableEquatableArray<DiagnosticInfo> Diagnostics);

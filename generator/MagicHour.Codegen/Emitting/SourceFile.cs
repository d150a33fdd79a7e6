namespace MagicHour.Codegen.Emitting;

/// <summary>One generated file.</summary>
internal sealed record SourceFile(string HintName, string Text);

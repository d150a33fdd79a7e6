namespace MagicHour.Codegen.Emitting;

/// <summary>
/// The start of every generated converter: its doc, attributes and the <c>JsonConverter&lt;T&gt;</c> overrides that
/// forward to the static <c>ReadValue</c>/<c>WriteValue</c> which generated code calls directly.
/// </summary>
internal static class ConverterHeader
{
    /// <summary>Opens <c>{typeName}JsonConverter</c>; the caller writes ReadValue and WriteValue, then closes it.</summary>
    /// <param name="how">What the converter does, as XML, e.g. "as a JSON string".</param>
    public static void Open(CodeWriter w, string typeName, string how)
    {
        w.DocXml("summary", $"Reads and writes <see cref=\"{typeName}\"/> {how}, without reflection.");
        w.Line($"[{KnownTypes.EditorBrowsableAttribute}({KnownTypes.EditorBrowsableState}.Never)]");
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Open($"public sealed class {typeName}JsonConverter : {KnownTypes.JsonConverter}<{typeName}>");
        w.Line("/// <inheritdoc/>");
        w.Line($"public override {typeName} Read(ref {KnownTypes.Utf8JsonReader} reader, {KnownTypes.Type} typeToConvert, {KnownTypes.JsonSerializerOptions} options) => ReadValue(ref reader);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override void Write({KnownTypes.Utf8JsonWriter} writer, {typeName} value, {KnownTypes.JsonSerializerOptions} options) => WriteValue(writer, value);");
        w.Line();
    }

    /// <summary>The <c>[JsonConverter]</c> attribute that ties a generated type to its converter.</summary>
    public static string Attribute(string typeName) => $"[{KnownTypes.JsonConverterAttribute}(typeof({typeName}JsonConverter))]";
}

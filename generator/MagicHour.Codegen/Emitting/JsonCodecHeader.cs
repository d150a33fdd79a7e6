namespace MagicHour.Codegen.Emitting;

/// <summary>
/// What makes a generated type its own JSON codec: the interface it implements (explicitly, so that its <c>Read</c> and
/// <c>Write</c> take no member name), the attributes it carries, and the heads of its <c>Read</c> and <c>Write</c>.
/// Written in pieces: every generated type has these lines.
/// </summary>
internal static class JsonCodecHeader
{
    /// <summary><c>IJsonModel&lt;T&gt;</c>, the interface of a record or union.</summary>
    public static string Interface(string typeName) => $"{KnownTypes.IJsonModel}<{typeName}>";

    /// <summary>The <c>[JsonConverter]</c> that lets <c>JsonSerializer</c> use the type's codec too, and <c>[GeneratedCode]</c>.</summary>
    public static void WriteAttributes(CodeWriter w, string typeName)
    {
        w.StartLine().Write("[").Write(KnownTypes.JsonConverterAttribute).Write("(typeof(").Write(KnownTypes.JsonModelConverter).Write("<").Write(typeName).Write(">))]").EndLine();
        w.Line(FileHeader.GeneratedCodeAttribute);
    }

    /// <summary>Starts <c>public sealed partial record Pet : IJsonModel&lt;Pet&gt;</c> (or another codec interface); the caller ends the line.</summary>
    public static CodeWriter StartDeclaration(CodeWriter w, string modifiersAndKind, string typeName, string codecInterface = KnownTypes.IJsonModel) =>
        w.StartLine().Write(modifiersAndKind).Write(typeName).Write(" : ").Write(codecInterface).Write("<").Write(typeName).Write(">");

    /// <summary>Starts <c>static Pet IJsonCodec&lt;Pet&gt;.Read(ref JsonModelReader reader)</c>; the caller ends the line.</summary>
    public static CodeWriter StartRead(CodeWriter w, string typeName) =>
        w.StartLine().Write("static ").Write(typeName).Write(" ").Write(KnownTypes.IJsonCodec).Write("<").Write(typeName).Write(">.Read(ref ")
            .Write(KnownTypes.JsonModelReader).Write(" reader)");

    /// <summary>Starts <c>void IJsonModel.Write(JsonModelWriter writer)</c>, where the value writes itself; the caller ends the line.</summary>
    public static CodeWriter StartWrite(CodeWriter w) =>
        w.StartLine().Write("void ").Write(KnownTypes.IJsonModel).Write(".Write(").Write(KnownTypes.JsonModelWriter).Write(" writer)");
}

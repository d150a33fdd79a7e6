namespace MagicHour.Codegen.Emitting;

/// <summary>What makes a generated type its own JSON codec: the interface it implements and the attributes it carries.</summary>
internal static class JsonCodecHeader
{
    /// <summary><c>IJsonCodec&lt;T&gt;</c>, implemented explicitly so that its <c>Read</c> and <c>Write</c> take no member name.</summary>
    public static string Interface(string typeName) => $"{KnownTypes.IJsonCodec}<{typeName}>";

    /// <summary>The <c>[JsonConverter]</c> that lets <c>JsonSerializer</c> use the type's codec too, and <c>[GeneratedCode]</c>.</summary>
    public static void WriteAttributes(CodeWriter w, string typeName)
    {
        w.Line($"[{KnownTypes.JsonConverterAttribute}(typeof({KnownTypes.JsonModelConverter}<{typeName}>))]");
        w.Line(FileHeader.GeneratedCodeAttribute);
    }
}

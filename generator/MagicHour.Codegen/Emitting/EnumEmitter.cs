using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Emitting;

/// <summary>
/// Writes an extensible enum: a readonly struct over the wire string with a static field per known value. Any string
/// round-trips, so a value the API adds after the client was generated is kept as it is, never mistaken for a known one.
/// </summary>
/// <remarks>
/// What every enum does alike lives once in the runtime's <c>IJsonEnum&lt;T&gt;</c>: the JSON codec, the docs of the
/// members it declares (the IDE shows an interface member's docs on an undocumented implementation, so these take no
/// <c>inheritdoc</c> line), and <c>IsKnown</c>'s lookup. A GitHub-sized document has thousands of enums with two to four
/// values each, so every fixed line here is paid thousands of times.
/// </remarks>
internal static class EnumEmitter
{
    public static void Emit(CodeWriter w, EnumModel model)
    {
        string name = model.Name;
        w.Doc(model.Documentation, fallbackSummary: null);
        Deprecations.WriteFor(w, model);
        JsonCodecHeader.WriteAttributes(w, name);
        // A record struct: the compiler writes the ordinal equality over the wire string (Equals, GetHashCode, == and !=).
        JsonCodecHeader.StartDeclaration(w, "public readonly partial record struct ", name, KnownTypes.IJsonEnum).EndLineAndOpen();
        // Null only in default(T), which reads as the empty string; a null given to the constructor gives that same value.
        w.Line("private readonly string? _value;");
        w.Line();
        w.Line($"public {name}(string value) => _value = value;");
        w.Line();
        // Fields, not properties: predefined instances of an immutable type, with no accessor to compile per value.
        foreach (EnumMemberModel member in model.Members)
        {
            string summary = member.Documentation.Summary is { Length: > 0 } text ? $"`{member.WireValue}`: {text}" : $"`{member.WireValue}`";
            w.DocTag("summary", summary);
            Deprecations.WriteFor(w, member, model);
            w.StartLine().Write("public static readonly ").Write(name).Write(" ").Write(member.Name).Write(" = new(").Write(CodeWriter.Literal(member.WireValue)).Write(");").EndLine();
            w.Line();
        }

        // After the fields: static initializers run in the order they are written.
        w.StartLine().Write("public static ").Write(KnownTypes.IReadOnlyList).Write("<").Write(name).Write("> KnownValues { get; } = [");
        for (int i = 0; i < model.Members.Count; i++)
        {
            w.Write(i == 0 ? "" : ", ").Write(model.Members[i].Name);
        }

        w.Write("];").EndLine();
        w.Line();
        w.Line("public string Value => _value ?? \"\";");
        w.Line();
        w.Line($"public bool IsKnown => {KnownTypes.JsonEnum}.IsKnown(this);");
        w.Line();
        w.Line($"public static implicit operator {name}(string value) => new(value);");
        w.Line();
        w.Line("public override string ToString() => Value;");
        w.Close();
    }
}

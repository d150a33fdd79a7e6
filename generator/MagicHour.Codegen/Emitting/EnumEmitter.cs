using System.Linq;
using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Emitting;

/// <summary>
/// Writes an extensible enum: a readonly struct over the wire string with a static member per known value. Any string
/// round-trips, so a value the API adds after the client was generated is kept as it is, never mistaken for a known one.
/// </summary>
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
        w.Line("private readonly string? _value;");
        w.Line();
        w.Line("/// <summary>Creates a value from its wire form; any string, so that values the API adds later round-trip.</summary>");
        w.Line($"public {name}(string value) => _value = value ?? throw new {KnownTypes.ArgumentNullException}(nameof(value));");
        w.Line();
        foreach (EnumMemberModel member in model.Members)
        {
            string summary = member.Documentation.Summary is { Length: > 0 } text ? $"`{member.WireValue}`: {text}" : $"`{member.WireValue}`";
            w.DocTag("summary", summary);
            Deprecations.WriteFor(w, member, model);
            w.StartLine().Write("public static ").Write(name).Write(" ").Write(member.Name).Write(" { get; } = new(").Write(CodeWriter.Literal(member.WireValue)).Write(");").EndLine();
            w.Line();
        }

        // The members IJsonEnum declares take its docs; its default Read and Write are the codec.
        w.Line("/// <inheritdoc/>");
        w.Line($"public static {KnownTypes.IReadOnlyList}<{name}> KnownValues {{ get; }} = new {name}[] {{ {string.Join(", ", model.Members.Select(m => m.Name))} }};");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public string Value => _value ?? string.Empty;");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public bool IsKnown => {KnownTypes.JsonEnum}.IsKnown(this);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public static implicit operator {name}(string value) => new(value);");
        w.Line();
        w.Line("/// <summary>The wire value.</summary>");
        w.Line("public override string ToString() => Value;");
        w.Close();
    }
}

using System.Linq;
using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Emitting;

/// <summary>
/// Writes an extensible enum: a readonly struct over the wire string with a static member per known value. Any string
/// round-trips, so a value the API adds after the client was generated is kept as it is, never mistaken for a known one.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(EnumModel model, string ns)
    {
        var w = new CodeWriter();
        FileHeader.Write(w, ns);
        string name = model.Name;

        w.Doc(model.Documentation, $"The values of <c>{name}</c>.");
        Deprecations.WriteFor(w, model);
        w.Line(ConverterHeader.Attribute(name));
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Open($"public readonly partial struct {name} : {KnownTypes.IEquatable}<{name}>");
        w.Line("private readonly string? _value;");
        w.Line();
        w.DocTag("summary", "Creates a value from its wire form. Any string is accepted, so values the API adds later still round-trip.");
        w.Line("/// <param name=\"value\">The value exactly as sent on the wire.</param>");
        w.Line($"public {name}(string value) => _value = value ?? throw new {KnownTypes.ArgumentNullException}(nameof(value));");

        foreach (EnumMemberModel member in model.Members)
        {
            w.Line();
            string summary = member.Documentation.Summary is { Length: > 0 } text ? $"`{member.WireValue}`: {text}" : $"`{member.WireValue}`";
            w.DocTag("summary", summary);
            Deprecations.WriteFor(w, member, model);

            w.Line($"public static {name} {member.Name} {{ get; }} = new({CodeWriter.Literal(member.WireValue)});");
        }

        w.Line();
        w.DocTag("summary", "Every value this client was generated with, deprecated ones included.");
        w.Line($"public static {KnownTypes.IReadOnlyList}<{name}> KnownValues {{ get; }} = new {name}[]");
        w.Line("{");
        w.Indent();
        foreach (EnumMemberModel member in model.Members)
        {
            w.Line($"new({CodeWriter.Literal(member.WireValue)}),");
        }

        w.Outdent();
        w.Line("};");
        w.Line();
        w.DocTag("summary", "The value as sent on the wire.");
        w.Line("public string Value => _value ?? string.Empty;");
        w.Line();
        w.DocTag("summary", "Whether this value is one the client was generated with; false for values the API added since.");
        if (model.Members.Count == 0)
        {
            w.Line("public bool IsKnown => false;");
        }
        else
        {
            w.Line("public bool IsKnown => Value switch");
            w.Line("{");
            w.Indent();
            w.Line(string.Join(" or ", model.Members.Select(m => CodeWriter.Literal(m.WireValue))) + " => true,");
            w.Line("_ => false,");
            w.Outdent();
            w.Line("};");
        }

        w.Line();
        w.DocTag("summary", "Converts a wire value.");
        w.Line($"public static implicit operator {name}(string value) => new(value);");
        w.Line();
        w.DocTag("summary", "Compares wire values, case-sensitively.");
        w.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        w.Line();
        w.DocTag("summary", "Compares wire values, case-sensitively.");
        w.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public bool Equals({name} other) => string.Equals(Value, other.Value, {KnownTypes.StringComparison}.Ordinal);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override int GetHashCode() => {KnownTypes.StringComparer}.Ordinal.GetHashCode(Value);");
        w.Line();
        w.DocTag("summary", "The wire value.");
        w.Line("public override string ToString() => Value;");
        w.Close();
        w.Line();

        ConverterHeader.Open(w, name, "as a JSON string");
        w.DocTag("summary", "Reads the value at the reader's current token; unknown strings are kept, not rejected.");
        w.Line($"public static {name} ReadValue(ref {KnownTypes.Utf8JsonReader} reader) => new({KnownTypes.JsonSupport}.ReadString(ref reader));");
        w.Line();
        w.DocTag("summary", "Writes the wire value.");
        w.Line($"public static void WriteValue({KnownTypes.Utf8JsonWriter} writer, {name} value) => writer.WriteStringValue(value.Value);");
        w.Close();
        return w.ToString();
    }
}

using System.Collections.Generic;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Naming;

namespace MagicHour.Codegen.Emitting;

/// <summary>
/// Writes a record for an object schema; the record is its own JSON codec: a <c>Read</c> that takes each property in one
/// statement, and a <c>Write</c> that writes each in one.
/// </summary>
internal static class ObjectEmitter
{
    public static void Emit(CodeWriter w, ObjectModel model)
    {
        w.Doc(model.Documentation, fallbackSummary: null);
        Deprecations.WriteFor(w, model);
        JsonCodecHeader.WriteAttributes(w, model.Name);
        JsonCodecHeader.StartDeclaration(w, "public sealed partial record ", model.Name).EndLineAndOpen();
        foreach (PropertyModel property in model.Properties)
        {
            w.Doc(property.Documentation, fallbackSummary: null);
            string type = CSharpType.Of(property.Type, property.IsCSharpNullable);
            if (property.Deprecation is not null && property.IsRequired)
            {
                // [Obsolete] on a required property makes every object initializer warn (CS9042): the getter carries it,
                // so reading the value warns and setting it, which the contract requires, does not.
                w.Line($"public required {type} {property.Name} {{ {Deprecations.Attribute(property)} get; init; }}");
            }
            else
            {
                Deprecations.WriteFor(w, property);
                w.StartLine().Write(property.IsRequired ? "public required " : "public ").Write(type).Write(" ").Write(property.Name).Write(" { get; init; }").EndLine();
            }

            w.Line();
        }

        EmitRead(w, model);
        w.Line();
        EmitWrite(w, model);
        w.Close();
    }

    private static void EmitRead(CodeWriter w, ObjectModel model)
    {
        var locals = new NameScope(new[] { "reader", "writer", "value" });
        var names = new List<(PropertyModel Property, string Local, string? Found)>();
        foreach (PropertyModel property in model.Properties)
        {
            string camel = Identifiers.ToCamelCase(property.WireName, "value").TrimStart('@');
            string local = locals.Claim(Identifiers.IsKeyword(camel) ? camel + "Value" : camel, camel + "Value");

            // A nullable local tells an absent property from a present one, except when null is a valid value.
            string? found = property.IsRequired && property.Type.IsNullable && property.Type.Kind != TypeRefKind.Any
                ? locals.Claim("has" + property.Name)
                : null;
            names.Add((property, local, found));
        }

        JsonCodecHeader.StartRead(w, model.Name).EndLineAndOpen();
        foreach ((PropertyModel property, string local, string? found) in names)
        {
            w.StartLine().Write(CSharpType.Of(property.Type, nullable: true)).Write(" ").Write(local).Write(" = null;").EndLine();
            if (found is not null)
            {
                w.Line($"bool {found} = false;");
            }
        }

        w.Line($"reader.StartObject({CodeWriter.Literal(model.Name)});");
        w.Open("while (reader.NextProperty())");
        if (names.Count == 0)
        {
            w.Line("reader.Skip();");
        }
        else
        {
            w.Line("switch (reader.PropertyName)");
            w.Line("{");
            w.Indent();
            foreach ((PropertyModel property, string local, string? found) in names)
            {
                w.StartLine().Write("case ").Write(CodeWriter.Literal(property.WireName)).Write(": ").Write(local).Write(" = ").Write(JsonCode.ReadProperty(property.Type, "reader")).Write(";");
                if (found is not null)
                {
                    w.Write(" ").Write(found).Write(" = true;");
                }

                w.Write(" break;").EndLine();
            }

            w.Line("default: reader.Skip(); break;");
            w.Outdent();
            w.Line("}");
        }

        w.Close();
        w.Line();
        if (names.Count == 0)
        {
            w.Line($"return new {model.Name}();");
        }
        else
        {
            w.Open($"return new {model.Name}");
            string typeName = CodeWriter.Literal(model.Name);
            foreach ((PropertyModel property, string local, string? found) in names)
            {
                w.StartLine().Write(property.Name).Write(" = ");
                if (!property.IsRequired)
                {
                    w.Write(local);
                }
                else
                {
                    // found ? local : throw …, or local ?? throw …
                    (found is null ? w.Write(local).Write(" ?? ") : w.Write(found).Write(" ? ").Write(local).Write(" : "))
                        .Write("throw reader.Missing(").Write(typeName).Write(", ").Write(CodeWriter.Literal(property.WireName)).Write(")");
                }

                w.Write(",").EndLine();
            }

            w.Close(";");
        }

        w.Close();
    }

    private static void EmitWrite(CodeWriter w, ObjectModel model)
    {
        JsonCodecHeader.StartWrite(w, model.Name).EndLineAndOpen();
        w.Line("writer.StartObject();");
        foreach (PropertyModel property in model.Properties)
        {
            bool writeNull = property.IsRequired && property.IsCSharpNullable;
            JsonCode.WriteProperty(w, property.Type, "writer", property.WireName, "value", property.Name, writeNull);
        }

        w.Line("writer.EndObject();");
        w.Close();
    }
}

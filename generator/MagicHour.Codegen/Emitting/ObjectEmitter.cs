using MagicHour.Codegen.Model;

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
        ImmutableEquatableArray<PropertyModel> properties = model.Properties;
        JsonCodecHeader.StartRead(w, model.Name).EndLineAndOpen();
        foreach (PropertyModel property in properties)
        {
            w.StartLine().Write(CSharpType.Of(property.Type, nullable: true)).Write(" ").Write(property.ReaderLocal).Write(" = null;").EndLine();
            if (property.PresenceLocal is not null)
            {
                w.Line($"bool {property.PresenceLocal} = false;");
            }
        }

        w.Line($"reader.StartObject({CodeWriter.Literal(model.Name)});");
        w.Open("while (reader.NextProperty())");
        if (properties.Count == 0)
        {
            w.Line("reader.Skip();");
        }
        else
        {
            w.Line("switch (reader.PropertyName)");
            w.Line("{");
            w.Indent();
            foreach (PropertyModel property in properties)
            {
                w.StartLine().Write("case ").Write(CodeWriter.Literal(property.WireName)).Write(": ").Write(property.ReaderLocal).Write(" = ").Write(JsonCode.ReadProperty(property.Type, "reader")).Write(";");
                if (property.PresenceLocal is not null)
                {
                    w.Write(" ").Write(property.PresenceLocal).Write(" = true;");
                }

                w.Write(" break;").EndLine();
            }

            w.Line("default: reader.Skip(); break;");
            w.Outdent();
            w.Line("}");
        }

        w.Close();
        w.Line();
        if (properties.Count == 0)
        {
            w.Line($"return new {model.Name}();");
        }
        else
        {
            w.Open($"return new {model.Name}");
            foreach (PropertyModel property in properties)
            {
                w.StartLine().Write(property.Name).Write(" = ");
                if (!property.IsRequired)
                {
                    w.Write(property.ReaderLocal);
                }
                else
                {
                    // has… ? local : throw …, or local ?? throw …
                    (property.PresenceLocal is null ? w.Write(property.ReaderLocal).Write(" ?? ") : w.Write(property.PresenceLocal).Write(" ? ").Write(property.ReaderLocal).Write(" : "))
                        .Write("throw reader.Missing(").Write(CodeWriter.Literal(property.WireName)).Write(")");
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

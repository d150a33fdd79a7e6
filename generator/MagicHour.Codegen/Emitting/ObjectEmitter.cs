using System.Collections.Generic;
using System.Globalization;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Naming;

namespace MagicHour.Codegen.Emitting;

/// <summary>
/// Writes a record for an object schema; the record is its own JSON codec: a private constructor that reads each property
/// straight into it in one statement (its <c>Read</c> forwards there), and a <c>Write</c> that writes each in one. Its
/// <c>PrintMembers</c> (what <c>ToString()</c> prints) is the runtime's, which prints the JSON: the one C# synthesizes
/// costs a build more than all the record's equality members.
/// </summary>
internal static class ObjectEmitter
{
    public static void Emit(CodeWriter w, ObjectModel model)
    {
        w.Doc(model.Documentation, fallbackSummary: null);
        Deprecations.WriteFor(w, model);
        JsonCodecHeader.WriteAttributes(w, model.Name);
        JsonCodecHeader.StartDeclaration(w, "public sealed partial record ", model.Name).EndLineAndOpen();

        // Declared because the reading constructor below would otherwise take the place of the implicit one.
        w.Line($"public {model.Name}()");
        w.Line("{");
        w.Line("}");
        w.Line();
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

        EmitReadingConstructor(w, model);
        w.Line();
        JsonCodecHeader.StartRead(w, model.Name).Write(" => new(ref reader);").EndLine();
        w.Line();
        EmitWrite(w, model);
        w.Line();
        w.Line($"private bool PrintMembers({KnownTypes.StringBuilder} builder) => {KnownTypes.JsonModelPrinter}.PrintMembers(this, builder);");
        w.Close();
    }

    /// <summary>
    /// The constructor that reads the record: each property assigned where the <c>switch</c> meets it, then each required
    /// one checked, a reference type by its null value, any other by its bit in a presence set.
    /// </summary>
    private static void EmitReadingConstructor(CodeWriter w, ObjectModel model)
    {
        ImmutableEquatableArray<PropertyModel> properties = model.Properties;
        bool anyRequired = false;
        foreach (PropertyModel property in properties)
        {
            anyRequired |= property.IsRequired;
        }

        if (anyRequired)
        {
            w.Line($"[{KnownTypes.SetsRequiredMembersAttribute}]");
        }

        w.Open($"private {model.Name}(ref {KnownTypes.JsonModelReader} reader)");
        // A set holds 32 bits, or 64 as a long, whose every bit is then written 1L << n (1 << 31 would widen to all the upper bits).
        var presenceSets = new List<string>();
        var longSets = new HashSet<string>();
        foreach (PropertyModel property in properties)
        {
            if (property.PresenceLocal is not { } presence)
            {
                continue;
            }

            if (!presenceSets.Contains(presence))
            {
                presenceSets.Add(presence);
            }

            if (property.PresenceBit >= 32)
            {
                longSets.Add(presence);
            }
        }

        foreach (string presence in presenceSets)
        {
            w.Line($"{(longSets.Contains(presence) ? "long" : "int")} {presence} = 0;");
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
                w.StartLine().Write("case ").Write(CodeWriter.Literal(property.WireName)).Write(": ").Write(property.Name).Write(" = ").Write(JsonCode.ReadProperty(property.Type, "reader"));
                if (property.IsRequired && !property.Type.IsNullable)
                {
                    if (!property.Type.IsValueType)
                    {
                        // Null until checked below, once the whole object is read.
                        w.Write("!");
                    }
                    else if (property.Type.Kind != TypeRefKind.Any)
                    {
                        w.Write(" ?? throw reader.Missing(").Write(CodeWriter.Literal(property.WireName)).Write(")");
                    }
                }

                w.Write(";");
                if (property.PresenceLocal is not null)
                {
                    w.Write(" ").Write(property.PresenceLocal).Write(" |= ").Write(Bit(property, longSets)).Write(";");
                }

                w.Write(" break;").EndLine();
            }

            w.Line("default: reader.Skip(); break;");
            w.Outdent();
            w.Line("}");
        }

        w.Close();
        if (anyRequired)
        {
            w.Line();
        }

        foreach (PropertyModel property in properties)
        {
            if (!property.IsRequired)
            {
                continue;
            }

            w.StartLine().Write("reader.Require(");
            (property.PresenceLocal is null ? w.Write(property.Name) : w.Write(property.PresenceLocal).Write(", ").Write(Bit(property, longSets)))
                .Write(", ").Write(CodeWriter.Literal(property.WireName)).Write(");").EndLine();
        }

        w.Close();
    }

    private static string Bit(PropertyModel property, HashSet<string> longSets) =>
        (longSets.Contains(property.PresenceLocal!) ? "1L << " : "1 << ") + property.PresenceBit.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The record's property names, encoded once (<c>s_names</c>, in the order of <see cref="EmitWrite"/>'s statements),
    /// and its <c>Write</c>, one statement per property.
    /// </summary>
    private static void EmitWrite(CodeWriter w, ObjectModel model)
    {
        if (model.Properties.Count > 0)
        {
            w.StartLine().Write("private static readonly ").Write(KnownTypes.JsonEncodedText).Write("[] ").Write(DeclaredMembers.EncodedNames)
                .Write(" = ").Write(KnownTypes.JsonModelWriter).Write(".EncodeNames(");
            for (int i = 0; i < model.Properties.Count; i++)
            {
                w.Write(i == 0 ? string.Empty : ", ").Write(CodeWriter.Literal(model.Properties[i].WireName));
            }

            w.Write(");").EndLine();
            w.Line();
        }

        JsonCodecHeader.StartWrite(w).EndLineAndOpen();
        w.Line("writer.StartObject();");
        for (int i = 0; i < model.Properties.Count; i++)
        {
            PropertyModel property = model.Properties[i];
            bool writeNull = property.IsRequired && property.IsCSharpNullable;
            string encodedName = DeclaredMembers.EncodedNames + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            JsonCode.WriteProperty(w, property.Type, "writer", encodedName, property.Name, writeNull);
        }

        w.Line("writer.EndObject();");
        w.Close();
    }
}

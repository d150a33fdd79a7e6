using System.Collections.Generic;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Naming;

namespace MagicHour.Codegen.Emitting;

/// <summary>Writes a record for an object schema and the converter that reads and writes it as JSON.</summary>
internal static class ObjectEmitter
{
    public static string Emit(ObjectModel model, string ns)
    {
        var w = new CodeWriter();
        FileHeader.Write(w, ns);

        w.Doc(model.Documentation, $"The <c>{model.Name}</c> schema.");
        Deprecations.WriteFor(w, model);
        w.Line(ConverterHeader.Attribute(model.Name));
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Open($"public sealed partial record {model.Name}");
        bool first = true;
        foreach (PropertyModel property in model.Properties)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            w.Doc(property.Documentation, $"The <c>{CodeWriter.XmlText(property.WireName)}</c> field.");
            Deprecations.WriteFor(w, property);

            string required = property.IsRequired ? "required " : string.Empty;
            w.Line($"public {required}{CSharpType.Of(property.Type, property.IsCSharpNullable)} {property.Name} {{ get; init; }}");
        }

        w.Close();
        w.Line();
        EmitConverter(w, model);
        return w.ToString();
    }

    private static void EmitConverter(CodeWriter w, ObjectModel model)
    {
        ConverterHeader.Open(w, model.Name, "as JSON");
        EmitRead(w, model);
        w.Line();
        EmitWrite(w, model);
        w.Close();
    }

    private static void EmitRead(CodeWriter w, ObjectModel model)
    {
        var locals = new NameScope(new[] { "reader", "value", "writer", "options", "typeToConvert" });
        var names = new List<(PropertyModel Property, string Local, string? Found)>();
        foreach (PropertyModel property in model.Properties)
        {
            string camel = Identifiers.ToCamelCase(property.WireName, "value").TrimStart('@');
            string local = locals.Claim(Identifiers.IsKeyword(camel) ? camel + "Value" : camel, camel + "Value");
            string? found = property.IsRequired ? locals.Claim("has" + property.Name) : null;
            names.Add((property, local, found));
        }

        w.DocXml("summary", $"Reads a <see cref=\"{model.Name}\"/> from the reader's current token.");
        w.Open($"public static {model.Name} ReadValue(ref {KnownTypes.Utf8JsonReader} reader)");
        w.Line($"{KnownTypes.JsonSupport}.Expect(ref reader, {KnownTypes.JsonTokenType}.StartObject, {CodeWriter.Literal(model.Name)});");
        foreach ((PropertyModel property, string local, string? found) in names)
        {
            w.Line($"{CSharpType.Of(property.Type, nullable: true)} {local} = default;");
            if (found is not null)
            {
                w.Line($"bool {found} = false;");
            }
        }

        w.Open("while (true)");
        w.Line($"{KnownTypes.JsonSupport}.Read(ref reader);");
        w.Open($"if (reader.TokenType == {KnownTypes.JsonTokenType}.EndObject)");
        w.Line("break;");
        w.Close();
        w.Line();
        string keyword = "if";
        foreach ((PropertyModel property, string local, string? found) in names)
        {
            w.Open($"{keyword} (reader.ValueTextEquals({CodeWriter.Utf8Literal(property.WireName)}))");
            w.Line($"{KnownTypes.JsonSupport}.Read(ref reader);");
            string readExpression = JsonCode.Read(property.Type, "reader");
            if (property.Type.Kind == TypeRefKind.Any)
            {
                w.Line($"{local} = {readExpression};");
            }
            else if (property.IsCSharpNullable)
            {
                string none = property.Type.IsValueType ? $"default({CSharpType.Of(property.Type, nullable: true)})" : "null";
                w.Line($"{local} = reader.TokenType == {KnownTypes.JsonTokenType}.Null ? {none} : {readExpression};");
            }
            else
            {
                w.Line($"{local} = reader.TokenType == {KnownTypes.JsonTokenType}.Null ? throw {KnownTypes.JsonSupport}.UnexpectedNull({CodeWriter.Literal(model.Name)}, {CodeWriter.Literal(property.WireName)}) : {readExpression};");
            }

            if (found is not null)
            {
                w.Line($"{found} = true;");
            }

            w.Close();
            keyword = "else if";
        }

        if (names.Count > 0)
        {
            w.Open("else");
            w.Line($"{KnownTypes.JsonSupport}.SkipValue(ref reader);");
            w.Close();
        }
        else
        {
            w.Line($"{KnownTypes.JsonSupport}.SkipValue(ref reader);");
        }

        w.Close();
        foreach ((PropertyModel property, _, string? found) in names)
        {
            if (found is null)
            {
                continue;
            }

            w.Line();
            w.Open($"if (!{found})");
            w.Line($"throw {KnownTypes.JsonSupport}.MissingProperty({CodeWriter.Literal(model.Name)}, {CodeWriter.Literal(property.WireName)});");
            w.Close();
        }

        w.Line();
        if (names.Count == 0)
        {
            w.Line($"return new {model.Name}();");
        }
        else
        {
            w.Open($"return new {model.Name}");
            foreach ((PropertyModel property, string local, _) in names)
            {
                bool forgive = !property.IsCSharpNullable && !property.Type.IsValueType;
                string value = property.IsCSharpNullable || !property.Type.IsValueType ? local + (forgive ? "!" : string.Empty) : local + ".GetValueOrDefault()";
                w.Line($"{property.Name} = {value},");
            }

            w.Close(";");
        }

        w.Close();
    }

    private static void EmitWrite(CodeWriter w, ObjectModel model)
    {
        w.DocXml("summary", $"Writes <paramref name=\"value\"/> as a JSON object.");
        w.Open($"public static void WriteValue({KnownTypes.Utf8JsonWriter} writer, {model.Name} value)");
        w.Line($"{KnownTypes.ArgumentNullException}.ThrowIfNull(value);");
        w.Line("writer.WriteStartObject();");
        foreach (PropertyModel property in model.Properties)
        {
            string access = "value." + property.Name;
            string name = $"writer.WritePropertyName({CodeWriter.Utf8Literal(property.WireName)});";
            if (!property.IsCSharpNullable)
            {
                w.Line(name);
                w.Line(JsonCode.Write(property.Type, "writer", access));
                continue;
            }

            string present = property.Type.IsValueType && property.Type.Kind != TypeRefKind.Any ? access + ".Value" : access;
            if (property.Type.Kind == TypeRefKind.Any)
            {
                present = access + ".Value";
            }

            w.Open($"if ({access} is not null)");
            w.Line(name);
            w.Line(JsonCode.Write(property.Type, "writer", present));
            w.Close();
            if (property.IsRequired)
            {
                w.Open("else");
                w.Line(name);
                w.Line("writer.WriteNullValue();");
                w.Close();
            }
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
    }
}

using System.Linq;
using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Emitting;

/// <summary>
/// Writes a discriminated union: an abstract record with a nested case per variant (<c>Pet.Cat(Cat Value)</c>), an
/// <c>Unknown</c> case that keeps the JSON of a variant the client does not know, implicit conversions from each
/// variant, and a converter that picks the case from the discriminator property without reflection.
/// </summary>
internal static class UnionEmitter
{
    public static string Emit(UnionModel model, string ns)
    {
        var w = new CodeWriter();
        FileHeader.Write(w, ns);
        string name = model.Name;
        string discriminator = CodeWriter.XmlText(model.DiscriminatorWireName);

        w.Doc(model.Documentation, model.Cases.Count == 0
            ? $"A value of the <c>{name}</c> schema, kept as JSON."
            : $"One of {string.Join(", ", model.Cases.Select(c => $"<see cref=\"{c.TypeName}\"/>"))}, told apart by <c>{discriminator}</c>.");
        Deprecations.WriteFor(w, model);
        w.Line(ConverterHeader.Attribute(name));
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Open($"public abstract partial record {name}");
        w.Line($"private protected {name}()");
        w.Line("{");
        w.Line("}");
        foreach (UnionCaseModel @case in model.Cases)
        {
            string values = string.Join(", ", @case.DiscriminatorValues.Select(v => $"<c>{CodeWriter.XmlText(v)}</c>"));
            w.Line();
            w.DocXml("summary", $"The <see cref=\"global::{ns}.{@case.TypeName}\"/> variant (<c>{discriminator}</c>: {values}).");
            w.Line($"/// <param name=\"Value\">The variant's value.</param>");
            w.Line($"public sealed record {@case.Name}(global::{ns}.{@case.TypeName} Value) : {name};");
        }

        w.Line();
        w.DocXml("summary", "A variant this client does not know (the API may add some), with its JSON kept as it came.");
        w.Line("/// <param name=\"DiscriminatorValue\">The discriminator's value, if the JSON had one.</param>");
        w.Line("/// <param name=\"Json\">The whole value.</param>");
        w.Line($"public sealed record Unknown(string? DiscriminatorValue, {KnownTypes.JsonElement} Json) : {name};");
        foreach (UnionCaseModel @case in model.Cases)
        {
            w.Line();
            w.DocXml("summary", $"Wraps a <see cref=\"global::{ns}.{@case.TypeName}\"/>.");
            w.Line($"public static implicit operator {name}(global::{ns}.{@case.TypeName} value) => new {@case.Name}(value);");
        }

        w.Close();
        w.Line();
        ConverterHeader.Open(w, name, $"as JSON, choosing the case by <c>{discriminator}</c>");
        w.DocXml("summary", $"Reads a <see cref=\"{name}\"/> from the reader's current token.");
        w.Open($"public static {name} ReadValue(ref {KnownTypes.Utf8JsonReader} reader)");
        if (model.Cases.Count == 0)
        {
            w.Line($"return new {name}.Unknown(null, {KnownTypes.JsonSupport}.ReadElement(ref reader));");
        }
        else
        {
            w.Line($"string? discriminator = reader.TokenType == {KnownTypes.JsonTokenType}.StartObject ? {KnownTypes.JsonSupport}.PeekDiscriminator(reader, {CodeWriter.Utf8Literal(model.DiscriminatorWireName)}) : null;");
            w.Line("switch (discriminator)");
            w.Line("{");
            w.Indent();
            foreach (UnionCaseModel @case in model.Cases)
            {
                foreach (string value in @case.DiscriminatorValues)
                {
                    w.Line($"case {CodeWriter.Literal(value)}:");
                }

                w.Line($"    return new {name}.{@case.Name}({@case.TypeName}JsonConverter.ReadValue(ref reader));");
            }

            w.Line("default:");
            w.Line($"    return new {name}.Unknown(discriminator, {KnownTypes.JsonSupport}.ReadElement(ref reader));");
            w.Outdent();
            w.Line("}");
        }

        w.Close();
        w.Line();
        w.DocXml("summary", "Writes the case's value; an unknown variant is written back exactly as it was read.");
        w.Open($"public static void WriteValue({KnownTypes.Utf8JsonWriter} writer, {name} value)");
        w.Line("switch (value)");
        w.Line("{");
        w.Indent();
        foreach (UnionCaseModel @case in model.Cases)
        {
            w.Line($"case {name}.{@case.Name} @case:");
            w.Line($"    {@case.TypeName}JsonConverter.WriteValue(writer, @case.Value);");
            w.Line("    break;");
        }

        w.Line($"case {name}.Unknown unknown:");
        w.Line("    unknown.Json.WriteTo(writer);");
        w.Line("    break;");
        w.Line("default:");
        w.Line($"    throw new {KnownTypes.ArgumentNullException}(nameof(value));");
        w.Outdent();
        w.Line("}");
        w.Close();
        w.Close();
        return w.ToString();
    }
}

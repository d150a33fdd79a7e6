using System.Linq;
using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Emitting;

/// <summary>
/// Writes a discriminated union: an abstract record with a nested case per variant (<c>Pet.Cat(Cat Value)</c>), an
/// <c>Unknown</c> case that keeps the JSON of a variant the client does not know, implicit conversions from each
/// variant, and a codec that picks the case from the discriminator property without reflection.
/// </summary>
internal static class UnionEmitter
{
    public static void Emit(CodeWriter w, UnionModel model, string ns)
    {
        string name = model.Name;
        string discriminator = CodeWriter.XmlText(model.DiscriminatorWireName);

        w.Doc(model.Documentation, model.Cases.Count == 0
            ? $"A value of the <c>{name}</c> schema, kept as JSON."
            : $"One of {string.Join(", ", model.Cases.Select(c => $"<see cref=\"{c.TypeName}\"/>"))}, told apart by <c>{discriminator}</c>.");
        Deprecations.WriteFor(w, model);
        JsonCodecHeader.WriteAttributes(w, name);
        w.Open($"public abstract partial record {name} : {JsonCodecHeader.Interface(name)}");
        w.Line($"private protected {name}()");
        w.Line("{");
        w.Line("}");
        w.Line();
        foreach (UnionCaseModel @case in model.Cases)
        {
            string values = string.Join(", ", @case.DiscriminatorValues.Select(v => $"<c>{CodeWriter.XmlText(v)}</c>"));
            w.DocXml("summary", $"The <see cref=\"global::{ns}.{@case.TypeName}\"/> variant (<c>{discriminator}</c>: {values}).");
            w.Line($"/// <param name=\"Value\">The variant's value.</param>");
            w.Line($"public sealed record {@case.Name}(global::{ns}.{@case.TypeName} Value) : {name};");
            w.Line();
        }

        w.DocXml("summary", "A variant this client does not know (the API may add some), with its JSON kept as it came.");
        w.Line("/// <param name=\"DiscriminatorValue\">The discriminator's value, if the JSON had one.</param>");
        w.Line("/// <param name=\"Json\">The whole value.</param>");
        w.Line($"public sealed record Unknown(string? DiscriminatorValue, {KnownTypes.JsonElement} Json) : {name};");
        w.Line();
        foreach (UnionCaseModel @case in model.Cases)
        {
            w.DocXml("summary", $"Wraps a <see cref=\"global::{ns}.{@case.TypeName}\"/>.");
            w.Line($"public static implicit operator {name}(global::{ns}.{@case.TypeName} value) => new {@case.Name}(value);");
            w.Line();
        }

        EmitRead(w, model, ns);
        w.Line();
        EmitWrite(w, model, ns);
        w.Close();
    }

    private static void EmitRead(CodeWriter w, UnionModel model, string ns)
    {
        string name = model.Name;
        string head = $"static {name} {KnownTypes.IJsonCodec}<{name}>.Read(ref {KnownTypes.JsonModelReader} reader)";
        if (model.Cases.Count == 0)
        {
            w.Line($"{head} => new Unknown(null, reader.Element());");
            return;
        }

        w.Open(head);
        w.Line($"string? discriminator = reader.PeekString({CodeWriter.Utf8Literal(model.DiscriminatorWireName)});");
        w.Line("return discriminator switch");
        w.Line("{");
        w.Indent();
        foreach (UnionCaseModel @case in model.Cases)
        {
            string values = string.Join(" or ", @case.DiscriminatorValues.Select(CodeWriter.Literal));
            w.Line($"{values} => new {@case.Name}(reader.Read<global::{ns}.{@case.TypeName}>()),");
        }

        w.Line("_ => new Unknown(discriminator, reader.Element()),");
        w.Outdent();
        w.Line("};");
        w.Close();
    }

    private static void EmitWrite(CodeWriter w, UnionModel model, string ns)
    {
        JsonCodecHeader.StartWrite(w).EndLineAndOpen();
        w.Line("switch (this)");
        w.Line("{");
        w.Indent();
        foreach (UnionCaseModel @case in model.Cases)
        {
            w.Line($"case {@case.Name} @case: writer.Write<global::{ns}.{@case.TypeName}>(@case.Value); break;");
        }

        w.Line("case Unknown unknown: unknown.Json.WriteTo(writer.Utf8); break;");
        w.Line($"default: throw new {KnownTypes.InvalidOperationException}({CodeWriter.Literal($"Only the cases of {model.Name} declared here can be written as JSON.")});");
        w.Outdent();
        w.Line("}");
        w.Close();
    }
}

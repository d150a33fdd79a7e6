using System.Linq;
using System.Text;
using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Emitting;

/// <summary>Words the <c>[Obsolete]</c> attributes from what the spec says (<see cref="DeprecationModel"/>).</summary>
internal static class Deprecations
{
    public static void WriteFor(CodeWriter w, TypeModel type)
    {
        if (type.Deprecation is not null)
        {
            w.Line(Attribute($"'{type.Name}' is deprecated."));
        }
    }

    public static void WriteFor(CodeWriter w, PropertyModel property)
    {
        if (property.Deprecation is not null)
        {
            w.Line(Attribute(property));
        }
    }

    /// <summary>The <c>[Obsolete]</c> attribute of a deprecated property.</summary>
    public static string Attribute(PropertyModel property) => Attribute(Message(property));

    private static string Message(PropertyModel property) => $"The '{property.WireName}' property is deprecated.";

    private static string Attribute(string message) => $"[{KnownTypes.ObsoleteAttribute}({CodeWriter.Literal(message)})]";

    public static void WriteFor(CodeWriter w, OperationModel operation)
    {
        if (operation.Deprecation is not null)
        {
            w.Line(Attribute($"{operation.OperationId} is deprecated."));
        }
    }

    /// <summary>"'seedream' is deprecated. Use SeedreamV4 ('seedream-v4') instead.": the note, with each replacement named by its member.</summary>
    public static void WriteFor(CodeWriter w, EnumMemberModel member, EnumModel owner)
    {
        if (member.Deprecation is not { } deprecation)
        {
            return;
        }

        var message = new StringBuilder($"'{member.WireValue}' is deprecated.");
        if (deprecation.Note is { } note)
        {
            message.Append(' ');
            int copied = 0;
            for (int from = 0; CodeSpans.TryFind(note, from, out int open, out int close); from = close + 1)
            {
                string value = CodeSpans.Content(note, open, close);
                EnumMemberModel? replacement = deprecation.Replacements.Contains(value) ? MemberOf(owner, value) : null;
                message.Append(note, copied, open - copied).Append(replacement is null ? $"'{value}'" : $"{replacement.Name} ('{value}')");
                copied = close + 1;
            }

            message.Append(note, copied, note.Length - copied);
        }

        w.Line(Attribute(message.ToString()));
    }

    private static EnumMemberModel? MemberOf(EnumModel owner, string wireValue)
    {
        foreach (EnumMemberModel member in owner.Members)
        {
            if (member.WireValue == wireValue)
            {
                return member;
            }
        }

        return null;
    }
}

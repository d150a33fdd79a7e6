using System.Linq;
using System.Text.RegularExpressions;
using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Emitting;

/// <summary>Words the <c>[Obsolete]</c> attributes from what the spec says (<see cref="DeprecationModel"/>).</summary>
internal static class Deprecations
{
    private static readonly Regex CodeSpan = new("`([^`]+)`");

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

        string message = $"'{member.WireValue}' is deprecated.";
        if (deprecation.Note is { } note)
        {
            string worded = CodeSpan.Replace(note, mention =>
            {
                string value = mention.Groups[1].Value;
                EnumMemberModel? replacement = deprecation.Replacements.Contains(value) ? owner.Members.FirstOrDefault(m => m.WireValue == value) : null;
                return replacement is null ? $"'{value}'" : $"{replacement.Name} ('{value}')";
            });
            message += " " + worded;
        }

        w.Line(Attribute(message));
    }
}

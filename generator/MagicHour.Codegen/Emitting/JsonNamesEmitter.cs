using System;
using System.Collections.Generic;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Naming;

namespace MagicHour.Codegen.Emitting;

/// <summary>
/// The JSON property names a file's records write, encoded once: <c>file static class JsonNames</c> at the end of the
/// file, one <c>JsonEncodedText</c> field per distinct wire name, named as the wire name itself
/// (<c>writer.String(JsonNames.created_at, value.CreatedAt)</c>). The writer copies a pre-encoded name as is, where it
/// checks a <c>"name"u8</c> for characters to escape on every call, as System.Text.Json's source generator does; one
/// class per file keeps the cost to a line per name the file uses. A wire name that is not a plain ASCII identifier
/// stays a UTF-8 literal, and so do all names of a client where the spec itself uses the class's name for a type, a
/// client class or a property (the names class must not hide or clash with it, and the spec's names are kept).
/// </summary>
internal static class JsonNamesEmitter
{
    private const string ClassName = "JsonNames";

    /// <summary>Names a field may not take: the class's, its helper's, and object's members' (hiding them warns).</summary>
    private static readonly HashSet<string> Taken = new(StringComparer.Ordinal)
    {
        ClassName, "Encode", "Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals", "MemberwiseClone", "Finalize",
    };

    /// <summary>Whether the files of <paramref name="model"/> get a names class (whether the spec leaves its name free).</summary>
    public static bool Applies(ClientModel model) => !SpecUsesClassName(model);

    /// <summary>Starts gathering the names of a file in <paramref name="w"/>, if <paramref name="applies"/>.</summary>
    public static void Start(CodeWriter w, bool applies) => w.JsonNames = applies ? new SortedDictionary<string, string>(StringComparer.Ordinal) : null;

    /// <summary>The expression of <paramref name="wireName"/> for a <c>JsonModelWriter</c> property method in <paramref name="w"/>'s file.</summary>
    public static string Name(CodeWriter w, string wireName)
    {
        if (w.JsonNames is null || Field(wireName) is not { } field)
        {
            return CodeWriter.Utf8Literal(wireName);
        }

        w.JsonNames[field] = wireName;
        return ClassName + "." + field;
    }

    /// <summary>Writes the names class of <paramref name="w"/>'s file, if its records wrote any of their names through it.</summary>
    public static void Emit(CodeWriter w)
    {
        if (w.JsonNames is not { Count: > 0 } fields)
        {
            return;
        }

        // One declaration with a declarator per name keeps each name to a short line.
        w.Line();
        w.Line("/// <summary>The JSON property names this file's records write, encoded once.</summary>");
        w.Open("file static class " + ClassName);
        w.Line("internal static readonly " + KnownTypes.JsonEncodedText);
        w.Indent();
        int left = fields.Count;
        foreach (KeyValuePair<string, string> field in fields)
        {
            w.StartLine().Write(field.Key).Write(" = Encode(").Write(CodeWriter.Utf8Literal(field.Value)).Write(--left == 0 ? ");" : "),").EndLine();
        }

        w.Outdent();
        w.Line();
        w.Line($"private static {KnownTypes.JsonEncodedText} Encode(global::System.ReadOnlySpan<byte> name) => {KnownTypes.JsonEncodedText}.Encode(name);");
        w.Close();
    }

    /// <summary>The field of <paramref name="wireName"/>: the name itself when it is an ASCII identifier (keywords escaped), else null.</summary>
    private static string? Field(string wireName)
    {
        if (wireName.Length == 0 || Taken.Contains(wireName) || wireName[0] is >= '0' and <= '9')
        {
            return null;
        }

        foreach (char c in wireName)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
            {
                return null;
            }
        }

        return Identifiers.EscapeKeyword(wireName);
    }

    private static bool SpecUsesClassName(ClientModel model)
    {
        foreach (TypeModel type in model.Types)
        {
            if (type.Name == ClassName)
            {
                return true;
            }

            if (type is ObjectModel record)
            {
                foreach (PropertyModel property in record.Properties)
                {
                    if (property.Name == ClassName)
                    {
                        return true;
                    }
                }
            }
        }

        return GroupUsesClassName(model.Root);
    }

    private static bool GroupUsesClassName(OperationGroupModel group)
    {
        if (group.ClassName == ClassName)
        {
            return true;
        }

        foreach (OperationGroupModel child in group.Groups)
        {
            if (GroupUsesClassName(child))
            {
                return true;
            }
        }

        return false;
    }
}

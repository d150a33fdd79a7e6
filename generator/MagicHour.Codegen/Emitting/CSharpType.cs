using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Emitting;

/// <summary>How a <see cref="TypeRef"/> is spelled in C#: keywords, <see cref="KnownTypes"/> or a generated type's name.</summary>
internal static class CSharpType
{
    public static string Of(TypeRef type, bool nullable)
    {
        string name = type.Kind switch
        {
            TypeRefKind.String => "string",
            TypeRefKind.Boolean => "bool",
            TypeRefKind.Int32 => "int",
            TypeRefKind.Int64 => "long",
            TypeRefKind.Double => "double",
            TypeRefKind.Single => "float",
            TypeRefKind.Decimal => "decimal",
            TypeRefKind.DateTimeOffset => KnownTypes.DateTimeOffset,
            TypeRefKind.DateOnly => KnownTypes.DateOnly,
            TypeRefKind.Guid => KnownTypes.Guid,
            TypeRefKind.Bytes => "byte[]",
            TypeRefKind.Any => KnownTypes.JsonElement,
            TypeRefKind.Object or TypeRefKind.Enum => type.Name!,
            TypeRefKind.Array => $"{KnownTypes.IReadOnlyList}<{Element(type.Element!)}>",
            TypeRefKind.Dictionary => $"{KnownTypes.IReadOnlyDictionary}<string, {Element(type.Element!)}>",
            _ => KnownTypes.JsonElement,
        };

        return nullable ? name + "?" : name;
    }

    /// <summary>An item of a collection. A JsonElement holds JSON null itself, so its items are never <c>JsonElement?</c>.</summary>
    public static string Element(TypeRef element) => Of(element, element.IsNullable && element.Kind != TypeRefKind.Any);
}

using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Emitting;

/// <summary>How a <see cref="TypeRef"/> is spelled in C#.</summary>
internal static class TypeNames
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
            TypeRefKind.DateTimeOffset => "DateTimeOffset",
            TypeRefKind.DateOnly => "DateOnly",
            TypeRefKind.Guid => "Guid",
            TypeRefKind.Bytes => "byte[]",
            TypeRefKind.Any => "JsonElement",
            TypeRefKind.Object or TypeRefKind.Enum => type.Name!,
            TypeRefKind.Array => $"IReadOnlyList<{Element(type.Element!)}>",
            TypeRefKind.Dictionary => $"IReadOnlyDictionary<string, {Element(type.Element!)}>",
            _ => "JsonElement",
        };

        return nullable ? name + "?" : name;
    }

    /// <summary>An item of a collection. A JsonElement holds JSON null itself, so its items are never <c>JsonElement?</c>.</summary>
    private static string Element(TypeRef element) => Of(element, element.IsNullable && element.Kind != TypeRefKind.Any);
}

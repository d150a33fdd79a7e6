using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Emitting;

/// <summary>
/// How generated code reads and writes a value of a <see cref="TypeRef"/> as JSON: the whole of our serialization, with
/// no reflection and no lambdas. Values go through codecs (<c>MagicHour.Runtime.Json.IJsonCodec&lt;T&gt;</c>): every
/// generated type is its own, the runtime has the others, and generic helpers take them as type arguments.
/// </summary>
internal static class JsonCode
{
    /// <summary>The expression of a <c>JsonValueReader&lt;T&gt;</c> that reads a whole, non-null value of <paramref name="type"/>.</summary>
    public static string ReaderDelegate(TypeRef type)
    {
        TypeRef value = type.WithNullable(false);
        return $"{KnownTypes.JsonCodec}.Read<{CSharpType.Of(value, false)}, {Codec(value)}>";
    }

    /// <summary>The expression of a <c>JsonValueWriter&lt;T&gt;</c> that writes a whole, non-null value of <paramref name="type"/>.</summary>
    public static string WriterDelegate(TypeRef type)
    {
        TypeRef value = type.WithNullable(false);
        return $"{KnownTypes.JsonCodec}.Write<{CSharpType.Of(value, false)}, {Codec(value)}>";
    }

    /// <summary>
    /// An expression reading the value of a property with <paramref name="reader"/> (a <c>JsonModelReader</c>) into a
    /// nullable local: JSON null reads as null.
    /// </summary>
    public static string ReadProperty(TypeRef type, string reader) => type.Kind switch
    {
        TypeRefKind.Object => $"{reader}.Model<{type.Name}>()",
        TypeRefKind.Enum => $"{reader}.Enum<{type.Name}>()",
        TypeRefKind.Array => $"{reader}.List{CollectionTypeArguments(type.Element!)}()",
        TypeRefKind.Dictionary => $"{reader}.Dictionary{CollectionTypeArguments(type.Element!)}()",
        TypeRefKind.Any => $"{reader}.Element()",
        _ => $"{reader}.{type.Kind}()",
    };

    /// <summary>
    /// A statement writing the property <paramref name="wireName"/> with <paramref name="writer"/> (a <c>JsonModelWriter</c>):
    /// a null value is left out, unless <paramref name="writeNull"/>.
    /// </summary>
    public static string WriteProperty(TypeRef type, string writer, string wireName, string value, bool writeNull)
    {
        string target = writeNull ? writer + ".Required" : writer;
        string name = CodeWriter.Utf8Literal(wireName);
        return type.Kind switch
        {
            TypeRefKind.Object => $"{target}.Model<{type.Name}>({name}, {value});",
            TypeRefKind.Enum => $"{target}.Enum<{type.Name}>({name}, {value});",
            TypeRefKind.Array => $"{target}.List{CollectionTypeArguments(type.Element!)}({name}, {value});",
            TypeRefKind.Dictionary => $"{target}.Dictionary{CollectionTypeArguments(type.Element!)}({name}, {value});",
            TypeRefKind.Any => $"{target}.Element({name}, {value});",
            _ => $"{target}.{type.Kind}({name}, {value});",
        };
    }

    /// <summary>The codec of a value of <paramref name="type"/>, JSON null included when the type allows it.</summary>
    public static string Codec(TypeRef type)
    {
        string codec = type.Kind switch
        {
            TypeRefKind.Object or TypeRefKind.Enum => type.Name!,
            TypeRefKind.Array => $"{KnownTypes.JsonList}<{CSharpType.Element(type.Element!)}, {Codec(type.Element!)}>",
            TypeRefKind.Dictionary => $"{KnownTypes.JsonDictionary}<{CSharpType.Element(type.Element!)}, {Codec(type.Element!)}>",
            TypeRefKind.Any => KnownTypes.JsonAny,
            _ => KnownTypes.JsonRuntimeNamespace + ".Json" + type.Kind,
        };

        if (!type.IsNullable || type.Kind == TypeRefKind.Any)
        {
            return codec;
        }

        string wrapper = type.IsValueType ? KnownTypes.JsonNullableValue : KnownTypes.JsonNullable;
        return $"{wrapper}<{CSharpType.Of(type, false)}, {codec}>";
    }

    /// <summary>
    /// The type arguments of a list or dictionary helper: <c>&lt;Pet&gt;</c> for items that are their own codec (generated
    /// types, never null), else the item type and its codec.
    /// </summary>
    private static string CollectionTypeArguments(TypeRef element) =>
        element.Kind is TypeRefKind.Object or TypeRefKind.Enum && !element.IsNullable
            ? $"<{element.Name}>"
            : $"<{CSharpType.Element(element)}, {Codec(element)}>";
}

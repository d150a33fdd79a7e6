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
        _ => reader + "." + Primitive(type.Kind) + "()",
    };

    /// <summary>
    /// Writes the statement that writes a property with <paramref name="writer"/> (a <c>JsonModelWriter</c>), its name
    /// the pre-encoded <paramref name="encodedName"/>, e.g. <c>writer.String(s_names[0], Name);</c>: a null value is left
    /// out, unless <paramref name="writeNull"/>.
    /// </summary>
    public static void WriteProperty(CodeWriter w, TypeRef type, string writer, string encodedName, string value, bool writeNull)
    {
        w.StartLine().Write(writer).Write(writeNull ? ".Required." : ".");
        switch (type.Kind)
        {
            case TypeRefKind.Object: w.Write("Model<").Write(type.Name!).Write(">"); break;
            case TypeRefKind.Enum: w.Write("Enum<").Write(type.Name!).Write(">"); break;
            case TypeRefKind.Array: w.Write("List").Write(CollectionTypeArguments(type.Element!)); break;
            case TypeRefKind.Dictionary: w.Write("Dictionary").Write(CollectionTypeArguments(type.Element!)); break;
            case TypeRefKind.Any: w.Write("Element"); break;
            default: w.Write(Primitive(type.Kind)); break;
        }

        w.Write("(").Write(encodedName).Write(", ").Write(value).Write(");").EndLine();
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
            _ => KnownTypes.JsonRuntimeNamespace + ".Json" + Primitive(type.Kind),
        };

        if (!type.IsNullable || type.Kind == TypeRefKind.Any)
        {
            return codec;
        }

        string wrapper = type.IsValueType ? KnownTypes.JsonNullableValue : KnownTypes.JsonNullable;
        return $"{wrapper}<{CSharpType.Of(type, false)}, {codec}>";
    }

    /// <summary>
    /// The name of a primitive kind, which is also the name of the reader's and writer's method for it and, after "Json",
    /// of its codec (<c>reader.Int32()</c>, <c>JsonInt32</c>). Spelled out: <c>Enum.ToString</c> boxes and allocates
    /// on every property.
    /// </summary>
    private static string Primitive(TypeRefKind kind) => kind switch
    {
        TypeRefKind.String => nameof(TypeRefKind.String),
        TypeRefKind.Boolean => nameof(TypeRefKind.Boolean),
        TypeRefKind.Int32 => nameof(TypeRefKind.Int32),
        TypeRefKind.Int64 => nameof(TypeRefKind.Int64),
        TypeRefKind.Double => nameof(TypeRefKind.Double),
        TypeRefKind.Single => nameof(TypeRefKind.Single),
        TypeRefKind.Decimal => nameof(TypeRefKind.Decimal),
        TypeRefKind.DateTimeOffset => nameof(TypeRefKind.DateTimeOffset),
        TypeRefKind.DateOnly => nameof(TypeRefKind.DateOnly),
        TypeRefKind.Guid => nameof(TypeRefKind.Guid),
        TypeRefKind.Bytes => nameof(TypeRefKind.Bytes),
        _ => kind.ToString(),
    };

    /// <summary>
    /// The type arguments of a list or dictionary helper: <c>&lt;Pet&gt;</c> for items that are their own codec (generated
    /// types, never null), else the item type and its codec.
    /// </summary>
    private static string CollectionTypeArguments(TypeRef element) =>
        element.Kind is TypeRefKind.Object or TypeRefKind.Enum && !element.IsNullable
            ? $"<{element.Name}>"
            : $"<{CSharpType.Element(element)}, {Codec(element)}>";
}

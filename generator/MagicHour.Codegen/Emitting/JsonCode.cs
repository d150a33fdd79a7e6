using System.Globalization;
using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Emitting;

/// <summary>
/// The expressions that read and write one value of a <see cref="TypeRef"/> with <c>Utf8JsonReader</c> and
/// <c>Utf8JsonWriter</c>: the whole of our serialization, with no reflection anywhere.
/// </summary>
internal static class JsonCode
{
    /// <summary>An expression reading a non-null value at the reader's current token.</summary>
    public static string Read(TypeRef type, string reader, int depth = 1) => type.Kind switch
    {
        TypeRefKind.String => $"{KnownTypes.JsonSupport}.ReadString(ref {reader})",
        TypeRefKind.Boolean => $"{KnownTypes.JsonSupport}.ReadBoolean(ref {reader})",
        TypeRefKind.Int32 => $"{KnownTypes.JsonSupport}.ReadInt32(ref {reader})",
        TypeRefKind.Int64 => $"{KnownTypes.JsonSupport}.ReadInt64(ref {reader})",
        TypeRefKind.Double => $"{KnownTypes.JsonSupport}.ReadDouble(ref {reader})",
        TypeRefKind.Single => $"{KnownTypes.JsonSupport}.ReadSingle(ref {reader})",
        TypeRefKind.Decimal => $"{KnownTypes.JsonSupport}.ReadDecimal(ref {reader})",
        TypeRefKind.DateTimeOffset => $"{KnownTypes.JsonSupport}.ReadDateTimeOffset(ref {reader})",
        TypeRefKind.DateOnly => $"{KnownTypes.JsonSupport}.ReadDateOnly(ref {reader})",
        TypeRefKind.Guid => $"{KnownTypes.JsonSupport}.ReadGuid(ref {reader})",
        TypeRefKind.Bytes => $"{KnownTypes.JsonSupport}.ReadBytes(ref {reader})",
        TypeRefKind.Any => $"{KnownTypes.JsonSupport}.ReadElement(ref {reader})",
        TypeRefKind.Object or TypeRefKind.Enum => $"{type.Name}JsonConverter.ReadValue(ref {reader})",
        TypeRefKind.Array => $"{KnownTypes.JsonSupport}.ReadArray(ref {reader}, static (ref {KnownTypes.Utf8JsonReader} {Inner(depth)}) => {ReadNullable(type.Element!, Inner(depth), depth + 1)})",
        TypeRefKind.Dictionary => $"{KnownTypes.JsonSupport}.ReadDictionary{DictionaryTypeArgument(type.Element!)}(ref {reader}, static (ref {KnownTypes.Utf8JsonReader} {Inner(depth)}) => {ReadNullable(type.Element!, Inner(depth), depth + 1)})",
        _ => $"{KnownTypes.JsonSupport}.ReadElement(ref {reader})",
    };

    /// <summary>Like <see cref="Read"/>, but a JSON null gives null when the type allows it.</summary>
    public static string ReadNullable(TypeRef type, string reader, int depth)
    {
        if (!type.IsNullable || type.Kind == TypeRefKind.Any)
        {
            return Read(type, reader, depth);
        }

        return $"{reader}.TokenType == {KnownTypes.JsonTokenType}.Null ? default({CSharpType.Of(type, nullable: true)}) : {Read(type, reader, depth)}";
    }

    /// <summary>A statement writing <paramref name="value"/>, which is known not to be null.</summary>
    public static string Write(TypeRef type, string writer, string value, int depth = 1) => type.Kind switch
    {
        TypeRefKind.String => $"{writer}.WriteStringValue({value});",
        TypeRefKind.Boolean => $"{writer}.WriteBooleanValue({value});",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Single or TypeRefKind.Decimal => $"{writer}.WriteNumberValue({value});",
        TypeRefKind.DateTimeOffset => $"{KnownTypes.JsonSupport}.WriteDateTimeOffset({writer}, {value});",
        TypeRefKind.Guid => $"{writer}.WriteStringValue({value});",
        TypeRefKind.DateOnly => $"{KnownTypes.JsonSupport}.WriteDateOnly({writer}, {value});",
        TypeRefKind.Bytes => $"{writer}.WriteBase64StringValue({value});",
        TypeRefKind.Any => $"{value}.WriteTo({writer});",
        TypeRefKind.Object or TypeRefKind.Enum => $"{type.Name}JsonConverter.WriteValue({writer}, {value});",
        TypeRefKind.Array => $"{KnownTypes.JsonSupport}.WriteArray({writer}, {value}, static ({InnerWriter(depth)}, {InnerItem(depth)}) => {WriteNullable(type.Element!, InnerWriter(depth), InnerItem(depth), depth + 1)});",
        TypeRefKind.Dictionary => $"{KnownTypes.JsonSupport}.WriteDictionary({writer}, {value}, static ({InnerWriter(depth)}, {InnerItem(depth)}) => {WriteNullable(type.Element!, InnerWriter(depth), InnerItem(depth), depth + 1)});",
        _ => $"{value}.WriteTo({writer});",
    };

    /// <summary>A statement (without the trailing semicolon's block) writing a value that may be null.</summary>
    public static string WriteNullable(TypeRef type, string writer, string value, int depth)
    {
        string statement = Write(type, writer, type.IsNullable && type.IsValueType && type.Kind != TypeRefKind.Any ? value + ".Value" : value, depth);
        if (!type.IsNullable || type.Kind == TypeRefKind.Any)
        {
            return "{ " + statement + " }";
        }

        return $"{{ if ({value} is null) {{ {writer}.WriteNullValue(); }} else {{ {statement} }} }}";
    }

    /// <summary>
    /// A <c>Dictionary&lt;string, List&lt;T&gt;&gt;</c> does not convert to <c>IReadOnlyDictionary&lt;string, IReadOnlyList&lt;T&gt;&gt;</c>
    /// (dictionaries are not covariant), so collection values name their type.
    /// </summary>
    private static string DictionaryTypeArgument(TypeRef value) =>
        value.Kind is TypeRefKind.Array or TypeRefKind.Dictionary ? "<" + CSharpType.Of(value, value.IsNullable) + ">" : string.Empty;

    private static string Inner(int depth) => depth == 1 ? "itemReader" : "itemReader" + depth.ToString(CultureInfo.InvariantCulture);

    private static string InnerWriter(int depth) => depth == 1 ? "itemWriter" : "itemWriter" + depth.ToString(CultureInfo.InvariantCulture);

    private static string InnerItem(int depth) => depth == 1 ? "item" : "item" + depth.ToString(CultureInfo.InvariantCulture);
}

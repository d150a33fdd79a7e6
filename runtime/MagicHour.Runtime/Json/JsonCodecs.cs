using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace MagicHour.Runtime.Json;

// The codecs of values that are not generated types, for collections and for the pipeline (JsonCodec.Read<T, TCodec>).
// They are structs so that each generic helper instantiated over one is compiled for it, with direct calls. JSON null
// is an error for each of them; JsonNullable and JsonNullableValue admit it.
#pragma warning disable CA1716 // Names of the JSON kinds they read.

/// <summary>A JSON string.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonString : IJsonCodec<string>
{
    /// <inheritdoc/>
    public static string Read(ref JsonModelReader reader) => reader.StringValue();

    /// <inheritdoc/>
    public static void Write(JsonModelWriter writer, string value) => writer.Utf8.WriteStringValue(value);
}

/// <summary>A JSON boolean.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonBoolean : IJsonCodec<bool>
{
    /// <inheritdoc/>
    public static bool Read(ref JsonModelReader reader) => reader.Boolean() ?? throw JsonModelReader.NullNotAllowed("a boolean");

    /// <inheritdoc/>
    public static void Write(JsonModelWriter writer, bool value) => writer.Utf8.WriteBooleanValue(value);
}

/// <summary>A JSON integer as <see cref="int"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonInt32 : IJsonCodec<int>
{
    /// <inheritdoc/>
    public static int Read(ref JsonModelReader reader) => reader.Int32() ?? throw JsonModelReader.NullNotAllowed("an integer");

    /// <inheritdoc/>
    public static void Write(JsonModelWriter writer, int value) => writer.Utf8.WriteNumberValue(value);
}

/// <summary>A JSON integer as <see cref="long"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonInt64 : IJsonCodec<long>
{
    /// <inheritdoc/>
    public static long Read(ref JsonModelReader reader) => reader.Int64() ?? throw JsonModelReader.NullNotAllowed("an integer");

    /// <inheritdoc/>
    public static void Write(JsonModelWriter writer, long value) => writer.Utf8.WriteNumberValue(value);
}

/// <summary>A JSON number as <see cref="double"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonDouble : IJsonCodec<double>
{
    /// <inheritdoc/>
    public static double Read(ref JsonModelReader reader) => reader.Double() ?? throw JsonModelReader.NullNotAllowed("a number");

    /// <inheritdoc/>
    public static void Write(JsonModelWriter writer, double value) => writer.Utf8.WriteNumberValue(value);
}

/// <summary>A JSON number as <see cref="float"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonSingle : IJsonCodec<float>
{
    /// <inheritdoc/>
    public static float Read(ref JsonModelReader reader) => reader.Single() ?? throw JsonModelReader.NullNotAllowed("a number");

    /// <inheritdoc/>
    public static void Write(JsonModelWriter writer, float value) => writer.Utf8.WriteNumberValue(value);
}

/// <summary>A JSON number as <see cref="decimal"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonDecimal : IJsonCodec<decimal>
{
    /// <inheritdoc/>
    public static decimal Read(ref JsonModelReader reader) => reader.Decimal() ?? throw JsonModelReader.NullNotAllowed("a number");

    /// <inheritdoc/>
    public static void Write(JsonModelWriter writer, decimal value) => writer.Utf8.WriteNumberValue(value);
}

/// <summary>An ISO 8601 date-time.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonDateTimeOffset : IJsonCodec<DateTimeOffset>
{
    /// <inheritdoc/>
    public static DateTimeOffset Read(ref JsonModelReader reader) => reader.DateTimeOffset() ?? throw JsonModelReader.NullNotAllowed("a date-time");

    /// <inheritdoc/>
    public static void Write(JsonModelWriter writer, DateTimeOffset value) => writer.DateTimeOffsetValue(value);
}

/// <summary>An ISO 8601 date.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonDateOnly : IJsonCodec<DateOnly>
{
    /// <inheritdoc/>
    public static DateOnly Read(ref JsonModelReader reader) => reader.DateOnly() ?? throw JsonModelReader.NullNotAllowed("a date");

    /// <inheritdoc/>
    public static void Write(JsonModelWriter writer, DateOnly value) => writer.DateOnlyValue(value);
}

/// <summary>A UUID.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonGuid : IJsonCodec<Guid>
{
    /// <inheritdoc/>
    public static Guid Read(ref JsonModelReader reader) => reader.Guid() ?? throw JsonModelReader.NullNotAllowed("a UUID");

    /// <inheritdoc/>
    public static void Write(JsonModelWriter writer, Guid value) => writer.Utf8.WriteStringValue(value);
}

/// <summary>Base64-encoded bytes.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonBytes : IJsonCodec<byte[]>
{
    /// <inheritdoc/>
    public static byte[] Read(ref JsonModelReader reader) => reader.Bytes() ?? throw JsonModelReader.NullNotAllowed("base64 data");

    /// <inheritdoc/>
    public static void Write(JsonModelWriter writer, byte[] value) => writer.Utf8.WriteBase64StringValue(value);
}

/// <summary>Any JSON value, null included, kept as a <see cref="JsonElement"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonAny : IJsonCodec<JsonElement>
{
    /// <inheritdoc/>
    public static JsonElement Read(ref JsonModelReader reader) => reader.Element();

    /// <inheritdoc/>
    public static void Write(JsonModelWriter writer, JsonElement value) => value.WriteTo(writer.Utf8);
}

/// <summary>A reference-type value that may be JSON null.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonNullable<T, TCodec> : IJsonCodec<T?>
    where T : class
    where TCodec : IJsonCodec<T>
{
    /// <inheritdoc/>
    public static T? Read(ref JsonModelReader reader) => reader.IsNull ? null : TCodec.Read(ref reader);

    /// <inheritdoc/>
    public static void Write(JsonModelWriter writer, T? value)
    {
        if (value is null)
        {
            writer.Utf8.WriteNullValue();
        }
        else
        {
            JsonModelWriter.WriteValue<T, TCodec>(writer, value);
        }
    }
}

/// <summary>A value-type value that may be JSON null.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonNullableValue<T, TCodec> : IJsonCodec<T?>
    where T : struct
    where TCodec : IJsonCodec<T>
{
    /// <inheritdoc/>
    public static T? Read(ref JsonModelReader reader) => reader.IsNull ? null : TCodec.Read(ref reader);

    /// <inheritdoc/>
    public static void Write(JsonModelWriter writer, T? value)
    {
        if (value is { } present)
        {
            TCodec.Write(writer, present);
        }
        else
        {
            writer.Utf8.WriteNullValue();
        }
    }
}

/// <summary>A JSON array, each item with <typeparamref name="TCodec"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonList<T, TCodec> : IJsonCodec<IReadOnlyList<T>>
    where TCodec : IJsonCodec<T>
{
    /// <inheritdoc/>
    public static IReadOnlyList<T> Read(ref JsonModelReader reader)
    {
        reader.Expect(JsonTokenType.StartArray, "an array");
        var items = new List<T>();
        while (true)
        {
            reader.Next();
            if (reader.Utf8.TokenType == JsonTokenType.EndArray)
            {
                return items;
            }

            items.Add(TCodec.Read(ref reader));
        }
    }

    /// <inheritdoc/>
    public static void Write(JsonModelWriter writer, IReadOnlyList<T> value)
    {
        writer.Utf8.WriteStartArray();
        writer.Items<T, TCodec>(value);
    }
}

/// <summary>A JSON object read as a dictionary, each value with <typeparamref name="TCodec"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonDictionary<T, TCodec> : IJsonCodec<IReadOnlyDictionary<string, T>>
    where TCodec : IJsonCodec<T>
{
    /// <inheritdoc/>
    public static IReadOnlyDictionary<string, T> Read(ref JsonModelReader reader)
    {
        reader.Expect(JsonTokenType.StartObject, "an object");
        var items = new Dictionary<string, T>(StringComparer.Ordinal);
        while (true)
        {
            reader.Next();
            if (reader.Utf8.TokenType == JsonTokenType.EndObject)
            {
                return items;
            }

            string key = reader.Utf8.GetString()!;
            reader.Next();
            items[key] = TCodec.Read(ref reader);
        }
    }

    /// <inheritdoc/>
    public static void Write(JsonModelWriter writer, IReadOnlyDictionary<string, T> value)
    {
        writer.Utf8.WriteStartObject();
        writer.Entries<T, TCodec>(value);
    }
}

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace MagicHour.Runtime.Json;

/// <summary>
/// Small, allocation-conscious helpers that generated (de)serialization code calls. Every failure is a
/// <see cref="JsonException"/> naming what was expected, so a bad response never surfaces as an
/// <see cref="InvalidOperationException"/> from <see cref="Utf8JsonReader"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonSupport
{
    /// <summary>Throws unless the current token is <paramref name="expected"/>.</summary>
    public static void Expect(ref Utf8JsonReader reader, JsonTokenType expected, string what)
    {
        if (reader.TokenType != expected)
        {
            throw new JsonException($"Expected {JsonModelReader.Describe(expected)} for {what} but found {JsonModelReader.Describe(reader.TokenType)}.");
        }
    }

    /// <summary>Moves to the next token; throws when the input ends early.</summary>
    public static void Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON ended unexpectedly.");
        }
    }

    /// <summary>An exception for a required property that is absent.</summary>
    public static JsonException MissingProperty(string typeName, string wireName) =>
        new($"The JSON for {typeName} has no \"{wireName}\" property, which is required.");

    /// <summary>An exception for a null where the contract does not allow one.</summary>
    public static JsonException UnexpectedNull(string typeName, string wireName) =>
        new($"The \"{wireName}\" property of {typeName} is null, which is not allowed.");

    /// <summary>Reads a JSON string.</summary>
    public static string ReadString(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a string");
        return reader.GetString()!;
    }

    /// <summary>Reads a JSON boolean.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw new JsonException($"Expected a boolean but found {JsonModelReader.Describe(reader.TokenType)}."),
    };

    /// <summary>Reads a JSON number as <see cref="int"/>.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "an integer");
        return reader.TryGetInt32(out int value) ? value : throw new JsonException("The number does not fit a 32-bit integer.");
    }

    /// <summary>Reads a JSON number as <see cref="long"/>.</summary>
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "an integer");
        return reader.TryGetInt64(out long value) ? value : throw new JsonException("The number does not fit a 64-bit integer.");
    }

    /// <summary>Reads a JSON number as <see cref="double"/>.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "a number");
        return reader.GetDouble();
    }

    /// <summary>Reads a JSON number as <see cref="float"/>.</summary>
    public static float ReadSingle(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "a number");
        return reader.GetSingle();
    }

    /// <summary>Reads a JSON number as <see cref="decimal"/>.</summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "a number");
        return reader.TryGetDecimal(out decimal value) ? value : throw new JsonException("The number does not fit a decimal.");
    }

    /// <summary>Reads an ISO 8601 date and time.</summary>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a date-time");
        if (reader.TryGetDateTimeOffset(out DateTimeOffset value))
        {
            return value;
        }

        string text = reader.GetString()!;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value)
            ? value
            : throw new JsonException($"\"{text}\" is not a date-time.");
    }

    /// <summary>Reads an ISO 8601 date (<c>yyyy-MM-dd</c>).</summary>
    public static DateOnly ReadDateOnly(ref Utf8JsonReader reader)
    {
        string text = ReadString(ref reader);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly value)
            ? value
            : throw new JsonException($"\"{text}\" is not a date (yyyy-MM-dd).");
    }

    /// <summary>Reads a UUID.</summary>
    public static Guid ReadGuid(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a UUID");
        return reader.TryGetGuid(out Guid value) ? value : throw new JsonException($"\"{reader.GetString()}\" is not a UUID.");
    }

    /// <summary>Reads base64-encoded bytes.</summary>
    public static byte[] ReadBytes(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "base64 data");
        return reader.TryGetBytesFromBase64(out byte[]? value) ? value : throw new JsonException("The string is not valid base64.");
    }

    /// <summary>Reads any JSON value as a detached <see cref="JsonElement"/>.</summary>
    public static JsonElement ReadElement(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>Reads a JSON array, each item with <paramref name="readItem"/>.</summary>
    public static List<T> ReadArray<T>(ref Utf8JsonReader reader, JsonValueReader<T> readItem)
    {
        Expect(ref reader, JsonTokenType.StartArray, "an array");
        var items = new List<T>();
        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return items;
            }

            items.Add(readItem(ref reader));
        }
    }

    /// <summary>Reads a JSON object as a dictionary, each value with <paramref name="readValue"/>.</summary>
    public static Dictionary<string, T> ReadDictionary<T>(ref Utf8JsonReader reader, JsonValueReader<T> readValue)
    {
        Expect(ref reader, JsonTokenType.StartObject, "an object");
        var items = new Dictionary<string, T>(StringComparer.Ordinal);
        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return items;
            }

            string key = reader.GetString()!;
            Read(ref reader);
            items[key] = readValue(ref reader);
        }
    }

    /// <summary>
    /// The string value of <paramref name="propertyName"/> in the object at the reader's current token, or null, without
    /// moving the reader (it is a struct: the scan runs on a copy). Used to pick the variant of a discriminated union.
    /// </summary>
    public static string? PeekDiscriminator(Utf8JsonReader reader, ReadOnlySpan<byte> propertyName)
    {
        Expect(ref reader, JsonTokenType.StartObject, "an object with a discriminator");
        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return null;
            }

            bool match = reader.ValueTextEquals(propertyName);
            Read(ref reader);
            if (match)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }
    }

    /// <summary>Skips the value after a property name that the client does not know.</summary>
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        reader.Skip();
    }

    /// <summary>Writes a JSON array.</summary>
    public static void WriteArray<T>(Utf8JsonWriter writer, IEnumerable<T> items, JsonValueWriter<T> writeItem)
    {
        writer.WriteStartArray();
        foreach (T item in items)
        {
            writeItem(writer, item);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a dictionary as a JSON object.</summary>
    public static void WriteDictionary<T>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, T>> items, JsonValueWriter<T> writeValue)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, T> item in items)
        {
            writer.WritePropertyName(item.Key);
            writeValue(writer, item.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes an ISO 8601 date-time, with <c>Z</c> for UTC as most APIs send it.</summary>
    public static void WriteDateTimeOffset(Utf8JsonWriter writer, DateTimeOffset value) => new JsonModelWriter(writer).DateTimeOffsetValue(value);

    /// <summary>Writes an ISO 8601 date (<c>yyyy-MM-dd</c>).</summary>
    public static void WriteDateOnly(Utf8JsonWriter writer, DateOnly value) => new JsonModelWriter(writer).DateOnlyValue(value);
}

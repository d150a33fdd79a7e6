using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace MagicHour.Runtime.Json;

/// <summary>
/// What generated code writes JSON with: a <see cref="Utf8JsonWriter"/> and one method per kind of property, each
/// written in one statement (<c>writer.String(s_names[0], Name);</c>). A null value leaves the property out, as an
/// optional property is absent; <see cref="Required"/> writes it as JSON null instead.
/// </summary>
/// <remarks>
/// Each method makes one call into the writer where the writer has one for the name and the value together. Names are
/// pre-encoded, as System.Text.Json's source generator writes them: a name given as UTF-8 bytes is checked for characters
/// to escape on every write, about a sixth of the time of writing a small object. A generated record encodes its names
/// once, in one array (<see cref="EncodeNames"/>): a field per name, or a class of them per file, made the generated code
/// of a large API 17% and 33% slower to compile, where the array costs about 6%.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonModelWriter
{
    private readonly Utf8JsonWriter _writer;
    private readonly bool _writeNull;

    /// <summary>Writes to <paramref name="writer"/>.</summary>
    public JsonModelWriter(Utf8JsonWriter writer)
        : this(writer, writeNull: false)
    {
    }

    private JsonModelWriter(Utf8JsonWriter writer, bool writeNull)
    {
        _writer = writer;
        _writeNull = writeNull;
    }

    /// <summary>The underlying writer.</summary>
    public Utf8JsonWriter Utf8 => _writer;

    /// <summary>A writer for properties the contract requires: a null value is written as JSON null, not left out.</summary>
    public JsonModelWriter Required => new(_writer, writeNull: true);

    /// <summary>This writer for what a value contains: <see cref="Required"/> applies to one property, not to its content.</summary>
    private JsonModelWriter Plain => _writeNull ? new(_writer) : this;

    /// <summary>A generated record's property names, encoded once for all its writes, in the order it writes them.</summary>
    /// <param name="names">The JSON property names.</param>
    public static JsonEncodedText[] EncodeNames(params string[] names)
    {
        var encoded = new JsonEncodedText[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            encoded[i] = JsonEncodedText.Encode(names[i]);
        }

        return encoded;
    }

    /// <summary>Starts an object.</summary>
    public void StartObject() => _writer.WriteStartObject();

    /// <summary>Ends an object.</summary>
    public void EndObject() => _writer.WriteEndObject();

    /// <summary>Writes a string property.</summary>
    public void String(JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            _writer.WriteString(name, value);
        }
        else
        {
            WriteNull(name);
        }
    }

    /// <summary>Writes a string value.</summary>
    public void StringValue(string value) => _writer.WriteStringValue(value);

    /// <summary>Writes a boolean property.</summary>
    public void Boolean(JsonEncodedText name, bool? value)
    {
        if (value is { } present)
        {
            _writer.WriteBoolean(name, present);
        }
        else
        {
            WriteNull(name);
        }
    }

    /// <summary>Writes a 32-bit integer property.</summary>
    public void Int32(JsonEncodedText name, int? value)
    {
        if (value is { } present)
        {
            _writer.WriteNumber(name, present);
        }
        else
        {
            WriteNull(name);
        }
    }

    /// <summary>Writes a 64-bit integer property.</summary>
    public void Int64(JsonEncodedText name, long? value)
    {
        if (value is { } present)
        {
            _writer.WriteNumber(name, present);
        }
        else
        {
            WriteNull(name);
        }
    }

    /// <summary>Writes a <see cref="double"/> property.</summary>
    public void Double(JsonEncodedText name, double? value)
    {
        if (value is { } present)
        {
            _writer.WriteNumber(name, present);
        }
        else
        {
            WriteNull(name);
        }
    }

    /// <summary>Writes a <see cref="float"/> property.</summary>
    public void Single(JsonEncodedText name, float? value)
    {
        if (value is { } present)
        {
            _writer.WriteNumber(name, present);
        }
        else
        {
            WriteNull(name);
        }
    }

    /// <summary>Writes a <see cref="decimal"/> property.</summary>
    public void Decimal(JsonEncodedText name, decimal? value)
    {
        if (value is { } present)
        {
            _writer.WriteNumber(name, present);
        }
        else
        {
            WriteNull(name);
        }
    }

    /// <summary>Writes an ISO 8601 date-time property, with <c>Z</c> for UTC as most APIs send it.</summary>
    public void DateTimeOffset(JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is not { } present)
        {
            WriteNull(name);
        }
        else if (present.Offset == TimeSpan.Zero)
        {
            // The writer formats a UTC DateTime as "2024-05-01T12:30:00.12Z" (trailing zeros of the fraction trimmed),
            // where a DateTimeOffset would end in "+00:00".
            _writer.WriteString(name, present.UtcDateTime);
        }
        else
        {
            _writer.WriteString(name, present);
        }
    }

    /// <summary>Writes an ISO 8601 date-time value, with <c>Z</c> for UTC.</summary>
    public void DateTimeOffsetValue(DateTimeOffset value)
    {
        if (value.Offset == TimeSpan.Zero)
        {
            _writer.WriteStringValue(value.UtcDateTime);
        }
        else
        {
            _writer.WriteStringValue(value);
        }
    }

    /// <summary>Writes an ISO 8601 date (<c>yyyy-MM-dd</c>) property.</summary>
    public void DateOnly(JsonEncodedText name, DateOnly? value)
    {
        if (value is { } present)
        {
            _writer.WritePropertyName(name);
            DateOnlyValue(present);
        }
        else
        {
            WriteNull(name);
        }
    }

    /// <summary>Writes an ISO 8601 date (<c>yyyy-MM-dd</c>) value.</summary>
    public void DateOnlyValue(DateOnly value)
    {
        Span<byte> text = stackalloc byte[16];
        value.TryFormat(text, out int length, "O", CultureInfo.InvariantCulture);
        _writer.WriteStringValue(text[..length]);
    }

    /// <summary>Writes a UUID property.</summary>
    public void Guid(JsonEncodedText name, Guid? value)
    {
        if (value is { } present)
        {
            _writer.WriteString(name, present);
        }
        else
        {
            WriteNull(name);
        }
    }

    /// <summary>Writes a base64 property.</summary>
    public void Bytes(JsonEncodedText name, byte[]? value)
    {
        if (value is not null)
        {
            _writer.WriteBase64String(name, value);
        }
        else
        {
            WriteNull(name);
        }
    }

    /// <summary>Writes a property holding any JSON (a <see cref="JsonElement"/> of kind null is written as null).</summary>
    public void Element(JsonEncodedText name, JsonElement? value)
    {
        if (value is { } present)
        {
            _writer.WritePropertyName(name);
            present.WriteTo(_writer);
        }
        else
        {
            WriteNull(name);
        }
    }

    /// <summary>Writes a property holding a generated record or union.</summary>
    public void Model<T>(JsonEncodedText name, T? value)
        where T : class, IJsonCodec<T>
    {
        if (value is not null)
        {
            _writer.WritePropertyName(name);
            WriteValue<T, T>(Plain, value);
        }
        else
        {
            WriteNull(name);
        }
    }

    /// <summary>Writes a property holding a generated enum: its wire string, in one call with the name.</summary>
    public void Enum<T>(JsonEncodedText name, T? value)
        where T : struct, IJsonEnum<T>
    {
        if (value is { } present)
        {
            _writer.WriteString(name, present.Value);
        }
        else
        {
            WriteNull(name);
        }
    }

    /// <summary>Writes a value with its own codec (a generated type).</summary>
    public void Write<T>(T value)
        where T : IJsonCodec<T> => WriteValue<T, T>(Plain, value);

    /// <summary>Writes a property holding an array of generated values.</summary>
    public void List<T>(JsonEncodedText name, IReadOnlyList<T>? value)
        where T : IJsonCodec<T> => List<T, T>(name, value);

    /// <summary>Writes a property holding an array, each item with <typeparamref name="TCodec"/>.</summary>
    public void List<T, TCodec>(JsonEncodedText name, IReadOnlyList<T>? value)
        where TCodec : IJsonCodec<T>
    {
        if (value is not null)
        {
            _writer.WriteStartArray(name);
            Items<T, TCodec>(value);
        }
        else
        {
            WriteNull(name);
        }
    }

    /// <summary>Writes a property holding a dictionary of generated values as an object.</summary>
    public void Dictionary<T>(JsonEncodedText name, IReadOnlyDictionary<string, T>? value)
        where T : IJsonCodec<T> => Dictionary<T, T>(name, value);

    /// <summary>Writes a property holding a dictionary as an object, each value with <typeparamref name="TCodec"/>.</summary>
    public void Dictionary<T, TCodec>(JsonEncodedText name, IReadOnlyDictionary<string, T>? value)
        where TCodec : IJsonCodec<T>
    {
        if (value is not null)
        {
            _writer.WriteStartObject(name);
            Entries<T, TCodec>(value);
        }
        else
        {
            WriteNull(name);
        }
    }

    /// <summary>Writes the items of an array whose start is written, and its end.</summary>
    internal void Items<T, TCodec>(IReadOnlyList<T> value)
        where TCodec : IJsonCodec<T>
    {
        JsonModelWriter items = Plain;
        for (int i = 0; i < value.Count; i++)
        {
            WriteValue<T, TCodec>(items, value[i]);
        }

        _writer.WriteEndArray();
    }

    /// <summary>Writes the members of an object whose start is written, and its end.</summary>
    internal void Entries<T, TCodec>(IReadOnlyDictionary<string, T> value)
        where TCodec : IJsonCodec<T>
    {
        JsonModelWriter values = Plain;
        foreach (KeyValuePair<string, T> item in value)
        {
            _writer.WritePropertyName(item.Key);
            WriteValue<T, TCodec>(values, item.Value);
        }

        _writer.WriteEndObject();
    }

    /// <summary>
    /// Writes <paramref name="value"/> with <typeparamref name="TCodec"/>, calling a generated record or union through
    /// <see cref="IJsonModel.Write"/> directly: its codec's static <c>Write</c> is a default interface member, which code
    /// shared by every reference type resolves through a slow runtime lookup on each call (it made writing a GHES
    /// repository, with its nested owners and organisations, 3× slower). For a value type the check compiles away.
    /// </summary>
    internal static void WriteValue<T, TCodec>(JsonModelWriter writer, T value)
        where TCodec : IJsonCodec<T>
    {
        if (value is IJsonModel model)
        {
            model.Write(writer);
        }
        else
        {
            TCodec.Write(writer, value);
        }
    }

    private void WriteNull(JsonEncodedText name)
    {
        if (_writeNull)
        {
            _writer.WriteNull(name);
        }
    }
}

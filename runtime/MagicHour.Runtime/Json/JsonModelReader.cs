using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace MagicHour.Runtime.Json;

/// <summary>
/// What generated code reads JSON with: a <see cref="Utf8JsonReader"/> (held by reference, so reading here moves the
/// caller's reader) and one method per kind of value. A property's value is read in one statement
/// (<c>name = reader.String();</c>), JSON null reads as null, and every other mismatch is a <see cref="JsonException"/>
/// that says what was expected, never an <see cref="InvalidOperationException"/> from the reader.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct JsonModelReader
{
    private const int NameCapacity = 64;
    private const int TypeNameDepth = 32;

    private Utf8JsonReader _reader;
    private NameBuffer _name;
    private int _nameLength;
    private string? _longName;
    private readonly int _startDepth;
    private TypeNameStack _typeNames;

    /// <summary>
    /// Reads from a copy of <paramref name="reader"/> (a reader is a struct); <see cref="Utf8"/> is where it stands after
    /// reading, to copy back. <see cref="JsonCodec.Read{T, TCodec}(ref Utf8JsonReader)"/> does both.
    /// </summary>
    public JsonModelReader(Utf8JsonReader reader)
    {
        _reader = reader;
        _startDepth = reader.CurrentDepth;
    }

    /// <summary>The reader, where this has moved it.</summary>
    [UnscopedRef]
    public ref Utf8JsonReader Utf8 => ref _reader;

    /// <summary>The name of the property <see cref="NextProperty"/> moved to, unescaped.</summary>
    [UnscopedRef]
    public ReadOnlySpan<char> PropertyName => _longName ?? ((ReadOnlySpan<char>)_name)[.._nameLength];

    /// <summary>
    /// Checks that the current token starts an object; <paramref name="typeName"/> says what it should be, here and in
    /// <see cref="Missing(string)"/> once the object is read.
    /// </summary>
    public void StartObject(string typeName)
    {
        Expect(JsonTokenType.StartObject, "an object for " + typeName);

        // One slot per depth: the objects inside this one are deeper, and the next one at this depth starts after it ends.
        int depth = _reader.CurrentDepth - _startDepth;
        if (depth is >= 0 and < TypeNameDepth)
        {
            _typeNames[depth] = typeName;
        }
    }

    /// <summary>
    /// Moves to the next property of the object and onto its value; false at the end of the object. The property's
    /// name is then <see cref="PropertyName"/>.
    /// </summary>
    public bool NextProperty()
    {
        Next();
        if (_reader.TokenType == JsonTokenType.EndObject)
        {
            return false;
        }

        if (_reader.HasValueSequence || _reader.ValueSpan.Length > NameCapacity)
        {
            _longName = _reader.GetString();
        }
        else
        {
            _longName = null;
            _nameLength = _reader.CopyString((Span<char>)_name);
        }

        Next();
        return true;
    }

    /// <summary>Skips the current value (a property the client does not know).</summary>
    public void Skip()
    {
        if (_reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            _reader.Skip();
        }
    }

    /// <summary>
    /// The error for a required property that is absent or null in the object being read, named as
    /// <see cref="StartObject"/> was told: from the object's end once it is read, or from the property's null value.
    /// </summary>
    public JsonException Missing(string propertyName)
    {
        // A property's value sits one level below its object; the object's end at the object's own level.
        int depth = _reader.CurrentDepth - _startDepth - (_reader.TokenType == JsonTokenType.EndObject ? 0 : 1);
        string what = depth is >= 0 and < TypeNameDepth && _typeNames[depth] is { } typeName ? typeName : "an object";
        return new($"The JSON for {what} has no \"{propertyName}\" property, or it is null, and the API's contract requires a value.");
    }

    /// <summary>
    /// Throws <see cref="Missing"/> unless <paramref name="value"/>, the value read for a required property of a reference
    /// type, is set: the property was absent, or null.
    /// </summary>
    public void Require([NotNull] object? value, string propertyName)
    {
        if (value is null)
        {
            throw Missing(propertyName);
        }
    }

    /// <summary>
    /// Throws <see cref="Missing"/> unless <paramref name="seen"/> has <paramref name="bit"/>, which the object's reading set
    /// when it read the required property.
    /// </summary>
    public void Require(long seen, long bit, string propertyName)
    {
        if ((seen & bit) == 0)
        {
            throw Missing(propertyName);
        }
    }

    /// <summary>Reads a string, or null.</summary>
    public string? String() => IsNull ? null : StringValue();

    /// <summary>Reads a string; JSON null is an error.</summary>
    public string StringValue()
    {
        Expect(JsonTokenType.String, "a string");
        return _reader.GetString()!;
    }

    /// <summary>Reads a boolean, or null.</summary>
    public bool? Boolean() => _reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw Unexpected("a boolean"),
    };

    /// <summary>Reads a 32-bit integer, or null.</summary>
    public int? Int32()
    {
        if (IsNull)
        {
            return null;
        }

        Expect(JsonTokenType.Number, "an integer");
        return _reader.TryGetInt32(out int value) ? value : throw new JsonException("The number does not fit a 32-bit integer.");
    }

    /// <summary>Reads a 64-bit integer, or null.</summary>
    public long? Int64()
    {
        if (IsNull)
        {
            return null;
        }

        Expect(JsonTokenType.Number, "an integer");
        return _reader.TryGetInt64(out long value) ? value : throw new JsonException("The number does not fit a 64-bit integer.");
    }

    /// <summary>Reads a number as <see cref="double"/>, or null.</summary>
    public double? Double()
    {
        if (IsNull)
        {
            return null;
        }

        Expect(JsonTokenType.Number, "a number");
        return _reader.GetDouble();
    }

    /// <summary>Reads a number as <see cref="float"/>, or null.</summary>
    public float? Single()
    {
        if (IsNull)
        {
            return null;
        }

        Expect(JsonTokenType.Number, "a number");
        return _reader.GetSingle();
    }

    /// <summary>Reads a number as <see cref="decimal"/>, or null.</summary>
    public decimal? Decimal()
    {
        if (IsNull)
        {
            return null;
        }

        Expect(JsonTokenType.Number, "a number");
        return _reader.TryGetDecimal(out decimal value) ? value : throw new JsonException("The number does not fit a decimal.");
    }

    /// <summary>Reads an ISO 8601 date and time, or null.</summary>
    public DateTimeOffset? DateTimeOffset()
    {
        if (IsNull)
        {
            return null;
        }

        Expect(JsonTokenType.String, "a date-time");
        if (_reader.TryGetDateTimeOffset(out DateTimeOffset value))
        {
            return value;
        }

        string text = _reader.GetString()!;
        return System.DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value)
            ? value
            : throw new JsonException($"\"{text}\" is not a date-time.");
    }

    /// <summary>Reads an ISO 8601 date (<c>yyyy-MM-dd</c>), or null.</summary>
    public DateOnly? DateOnly()
    {
        if (IsNull)
        {
            return null;
        }

        string text = StringValue();
        return System.DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly value)
            ? value
            : throw new JsonException($"\"{text}\" is not a date (yyyy-MM-dd).");
    }

    /// <summary>Reads a UUID, or null.</summary>
    public Guid? Guid()
    {
        if (IsNull)
        {
            return null;
        }

        Expect(JsonTokenType.String, "a UUID");
        return _reader.TryGetGuid(out Guid value) ? value : throw new JsonException($"\"{_reader.GetString()}\" is not a UUID.");
    }

    /// <summary>Reads base64-encoded bytes, or null.</summary>
    public byte[]? Bytes()
    {
        if (IsNull)
        {
            return null;
        }

        Expect(JsonTokenType.String, "base64 data");
        return _reader.TryGetBytesFromBase64(out byte[]? value) ? value : throw new JsonException("The string is not valid base64.");
    }

    /// <summary>Reads any JSON value, null included, as a detached <see cref="JsonElement"/>.</summary>
    public JsonElement Element() => JsonElement.ParseValue(ref _reader);

    /// <summary>Reads a generated record or union, or null.</summary>
    public T? Model<T>()
        where T : class, IJsonCodec<T> => IsNull ? null : T.Read(ref this);

    /// <summary>Reads a generated enum, or null.</summary>
    public T? Enum<T>()
        where T : struct, IJsonCodec<T> => IsNull ? null : T.Read(ref this);

    /// <summary>Reads a value with its own codec (a generated type); JSON null is an error unless the codec takes it.</summary>
    public T Read<T>()
        where T : IJsonCodec<T> => T.Read(ref this);

    /// <summary>Reads an array of generated values, or null.</summary>
    public IReadOnlyList<T>? List<T>()
        where T : IJsonCodec<T> => List<T, T>();

    /// <summary>Reads an array, each item with <typeparamref name="TCodec"/>, or null.</summary>
    public IReadOnlyList<T>? List<T, TCodec>()
        where TCodec : IJsonCodec<T> => IsNull ? null : JsonList<T, TCodec>.Read(ref this);

    /// <summary>Reads an object of generated values as a dictionary, or null.</summary>
    public IReadOnlyDictionary<string, T>? Dictionary<T>()
        where T : IJsonCodec<T> => Dictionary<T, T>();

    /// <summary>Reads an object as a dictionary, each value with <typeparamref name="TCodec"/>, or null.</summary>
    public IReadOnlyDictionary<string, T>? Dictionary<T, TCodec>()
        where TCodec : IJsonCodec<T> => IsNull ? null : JsonDictionary<T, TCodec>.Read(ref this);

    /// <summary>
    /// The string value of <paramref name="propertyName"/> in the object at the current token, or null (not an object,
    /// no such property, not a string), without moving the reader. Picks the case of a discriminated union.
    /// </summary>
    public string? PeekString(ReadOnlySpan<byte> propertyName)
    {
        if (_reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        Utf8JsonReader copy = _reader;
        while (copy.Read() && copy.TokenType == JsonTokenType.PropertyName)
        {
            bool match = copy.ValueTextEquals(propertyName);
            if (!copy.Read())
            {
                return null;
            }

            if (match)
            {
                return copy.TokenType == JsonTokenType.String ? copy.GetString() : null;
            }

            copy.Skip();
        }

        return null;
    }

    /// <summary>The error for JSON null where <paramref name="what"/> was expected.</summary>
    public static JsonException NullNotAllowed(string what) => new($"Expected {what} but found null.");

    /// <summary>Whether the current token is JSON null.</summary>
    public bool IsNull => _reader.TokenType == JsonTokenType.Null;

    /// <summary>Moves to the next token; throws when the input ends early.</summary>
    public void Next()
    {
        if (!_reader.Read())
        {
            throw new JsonException("The JSON ended unexpectedly.");
        }
    }

    /// <summary>Throws unless the current token is <paramref name="expected"/>.</summary>
    public void Expect(JsonTokenType expected, string what)
    {
        if (_reader.TokenType != expected)
        {
            throw Unexpected(what);
        }
    }

    private JsonException Unexpected(string what) => new($"Expected {what} but found {Describe(_reader.TokenType)}.");

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.EndObject => "the end of an object",
        JsonTokenType.EndArray => "the end of an array",
        JsonTokenType.PropertyName => "a property name",
        _ => "nothing",
    };

    [InlineArray(NameCapacity)]
    private struct NameBuffer
    {
        private char _first;
    }

    [InlineArray(TypeNameDepth)]
    private struct TypeNameStack
    {
        private string? _first;
    }
}

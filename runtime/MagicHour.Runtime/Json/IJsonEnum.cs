using System.Collections.Generic;

namespace MagicHour.Runtime.Json;

/// <summary>
/// A generated extensible enum: a value over its wire string, where any string is a value, so that one the API adds
/// after the client was generated round-trips instead of failing. The JSON codec is written once here (a string read
/// into the type's conversion from <see cref="string"/>, <see cref="Value"/> written back), so a generated enum holds
/// only its known values and what C# needs on the type itself. The docs here are the docs of the generated members that
/// implement these (the IDE shows them there). A generated enum's <c>ToString()</c> is its <see cref="Value"/>, and
/// <c>default</c> is the empty string.
/// </summary>
/// <typeparam name="TSelf">The generated enum.</typeparam>
public interface IJsonEnum<TSelf> : IJsonCodec<TSelf>
    where TSelf : struct, IJsonEnum<TSelf>
{
    /// <summary>Every value this client was generated with, deprecated ones included.</summary>
    static abstract IReadOnlyList<TSelf> KnownValues { get; }

    /// <summary>The value as sent on the wire.</summary>
    string Value { get; }

    /// <summary>Whether this value is one the client was generated with; false for values the API added since.</summary>
    bool IsKnown { get; }

    /// <summary>Converts a wire value; any string, so that values the API adds later round-trip.</summary>
    static abstract implicit operator TSelf(string value);

    static TSelf IJsonCodec<TSelf>.Read(ref JsonModelReader reader) => reader.StringValue();

    static void IJsonCodec<TSelf>.Write(JsonModelWriter writer, TSelf value) => writer.StringValue(value.Value);
}

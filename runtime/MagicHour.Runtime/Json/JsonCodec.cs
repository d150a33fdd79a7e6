using System;
using System.Text.Json;

namespace MagicHour.Runtime.Json;

/// <summary>
/// Reads and writes a whole value through its codec, from and to the framework's reader and writer. Generated code
/// hands these to the pipeline as <see cref="JsonValueReader{T}"/> and <see cref="JsonValueWriter{T}"/>, e.g.
/// <c>JsonCodec.Read&lt;Pet, Pet&gt;</c>.
/// </summary>
public static class JsonCodec
{
    /// <summary>Reads a <typeparamref name="T"/> at the reader's current token with <typeparamref name="TCodec"/>.</summary>
    public static T Read<T, TCodec>(ref Utf8JsonReader reader)
        where TCodec : IJsonCodec<T>
    {
        var json = new JsonModelReader(reader);
        T value = TCodec.Read(ref json);
        reader = json.Utf8;
        return value;
    }

    /// <summary>Writes <paramref name="value"/> with <typeparamref name="TCodec"/>.</summary>
    public static void Write<T, TCodec>(Utf8JsonWriter writer, T value)
        where TCodec : IJsonCodec<T>
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        JsonModelWriter.WriteValue<T, TCodec>(new JsonModelWriter(writer), value);
    }
}

namespace MagicHour.Runtime.Json;

/// <summary>
/// Reads and writes values of <typeparamref name="T"/> as JSON, without reflection. Every generated record, enum and
/// union is its own codec (records and unions through <see cref="IJsonModel{TSelf}"/>, enums through
/// <see cref="IJsonEnum{TSelf}"/>); the runtime has one for each primitive
/// (<see cref="JsonString"/>, <see cref="JsonInt32"/>…) and for collections (<see cref="JsonList{T, TCodec}"/>…), so
/// that generic helpers reach the right code through a type argument instead of a delegate.
/// </summary>
/// <typeparam name="T">The type read and written.</typeparam>
public interface IJsonCodec<T>
{
    /// <summary>Reads a value starting at the reader's current token (JSON null is an error) and leaves the reader on its last token.</summary>
    static abstract T Read(ref JsonModelReader reader);

    /// <summary>Writes <paramref name="value"/>, which is not null.</summary>
    static abstract void Write(JsonModelWriter writer, T value);
}

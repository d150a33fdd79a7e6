using System;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MagicHour.Json.Benchmarks;

/// <summary>
/// The one place that knows how generated code exposes its JSON code. Today every generated type is its own codec
/// (<c>IJsonCodec&lt;T&gt;</c>) and carries <c>[JsonConverter(typeof(JsonModelConverter&lt;T&gt;))]</c>, whose
/// <c>Read</c>/<c>Write</c> call the type's codec and ignore the options. The converter is found once, here, from that attribute, so
/// renaming or regrouping the converter classes changes nothing in the benchmarks; each read or write is one virtual call
/// into generated code, no <see cref="JsonSerializer"/> and no reflection in between. If the generated code changes how
/// it exposes its converters, adapt this file only.
/// </summary>
/// <typeparam name="T">A generated model type.</typeparam>
internal sealed class OurJson<T>
{
    private static readonly JsonSerializerOptions Options = JsonSerializerOptions.Default;

    private readonly JsonConverter<T> _converter;

    public OurJson()
    {
        Type converterType = typeof(T).GetCustomAttribute<JsonConverterAttribute>()?.ConverterType
            ?? throw new InvalidOperationException($"{typeof(T)} has no [JsonConverter(typeof(...))]: adapt OurJson to how the generated code exposes its converters now.");
        _converter = Activator.CreateInstance(converterType) as JsonConverter<T>
            ?? throw new InvalidOperationException($"{converterType} is not a JsonConverter<{typeof(T).Name}>: adapt OurJson.");
    }

    /// <summary>Reads one <typeparamref name="T"/> from a UTF-8 JSON document.</summary>
    public T Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        T value = _converter.Read(ref reader, typeof(T), Options) ?? throw new JsonException("The document is null.");
        return reader.Read() ? throw new JsonException("The document goes on after the value.") : value;
    }

    /// <summary>Writes <paramref name="value"/> to <paramref name="writer"/>.</summary>
    public void Write(Utf8JsonWriter writer, T value) => _converter.Write(writer, value, Options);
}

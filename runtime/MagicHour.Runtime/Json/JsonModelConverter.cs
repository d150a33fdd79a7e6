using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MagicHour.Runtime.Json;

/// <summary>
/// The <see cref="JsonConverter{T}"/> of every generated type (<c>[JsonConverter(typeof(JsonModelConverter&lt;Pet&gt;))]</c>),
/// so that <see cref="JsonSerializer"/> uses the generated code too. The options are not consulted: the JSON contract
/// is the spec's.
/// </summary>
/// <typeparam name="T">A generated type.</typeparam>
public sealed class JsonModelConverter<T> : JsonConverter<T>
    where T : IJsonCodec<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => JsonCodec.Read<T, T>(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => JsonCodec.Write<T, T>(writer, value);
}

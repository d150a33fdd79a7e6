namespace MagicHour.Runtime.Json;

/// <summary>
/// A generated record or union, which writes itself: <see cref="Write"/> is an instance member, so that the generated
/// code names its properties directly (<c>writer.String("name"u8, Name);</c>).
/// </summary>
public interface IJsonModel
{
    /// <summary>Writes this value as a JSON object (or, for a union, as its case's value).</summary>
    void Write(JsonModelWriter writer);
}

/// <summary>
/// A generated record or union that is its own codec: it reads itself through <see cref="IJsonCodec{T}.Read"/> (a record
/// forwards to its reading constructor) and writes itself through <see cref="IJsonModel.Write"/>, which the codec's
/// <c>Write</c> calls here, once for every generated type.
/// </summary>
/// <typeparam name="TSelf">The generated type.</typeparam>
public interface IJsonModel<TSelf> : IJsonCodec<TSelf>, IJsonModel
    where TSelf : IJsonModel<TSelf>
{
    static void IJsonCodec<TSelf>.Write(JsonModelWriter writer, TSelf value) => value.Write(writer);
}

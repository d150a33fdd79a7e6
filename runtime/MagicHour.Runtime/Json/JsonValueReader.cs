using System.Text.Json;

namespace MagicHour.Runtime.Json;

/// <summary>Reads one JSON value, starting at the reader's current token, and leaves the reader on its last token.</summary>
public delegate T JsonValueReader<out T>(ref Utf8JsonReader reader);

/// <summary>Writes one value as JSON.</summary>
public delegate void JsonValueWriter<in T>(Utf8JsonWriter writer, T value);

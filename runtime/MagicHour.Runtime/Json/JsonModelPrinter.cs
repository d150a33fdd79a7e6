using System;
using System.Buffers;
using System.ComponentModel;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MagicHour.Runtime.Json;

/// <summary>
/// What a generated record's <c>ToString()</c> prints between its braces: the JSON it writes, wire names and all, e.g.
/// <c>ImageProject { "id":"cm4…","status":"complete","downloads":[{"url":"https://…"}] }</c>. C# would otherwise
/// synthesize a <c>PrintMembers</c> per record that appends each property in turn, which costs every build of a large
/// API about a tenth of its compile time, and prints a list as its type name.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonModelPrinter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Appends the members of <paramref name="model"/>'s JSON object; false when it has none.</summary>
    public static bool PrintMembers(IJsonModel model, StringBuilder builder)
    {
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            using var writer = new Utf8JsonWriter(buffer, Options);
            model.Write(new JsonModelWriter(writer));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or JsonException)
        {
            // A value JSON cannot hold (a NaN, a union case the client does not declare) must not make ToString() throw,
            // as the debugger calls it to show the value: say what stops it instead.
            builder.Append("(not printable as JSON: ").Append(e.Message).Append(')');
            return true;
        }

        // The object's braces are the record's own: "Name { " and " }".
        ReadOnlySpan<byte> json = buffer.WrittenSpan;
        if (json.Length <= 2 || json[0] != (byte)'{')
        {
            return false;
        }

        builder.Append(Encoding.UTF8.GetString(json[1..^1]));
        return true;
    }
}

using System.Buffers;
using System.Text;
using System.Text.Json;
using MagicHour.Runtime.Json;

namespace MagicHour.Runtime.Tests;

/// <summary>What the property methods generated code calls write.</summary>
public class JsonModelWriterTests
{
    [Theory]
    [InlineData("2024-10-19T05:16:19.0270000+00:00", "2024-10-19T05:16:19.027Z")]
    [InlineData("2024-10-19T05:16:19+00:00", "2024-10-19T05:16:19Z")]
    [InlineData("2024-10-19T05:16:19.1234567+00:00", "2024-10-19T05:16:19.1234567Z")]
    [InlineData("2024-10-19T07:16:19.5+02:00", "2024-10-19T07:16:19.5+02:00")]
    public void Date_times_are_written_with_Z_for_UTC_and_their_offset_otherwise(string value, string expected)
    {
        DateTimeOffset when = DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        string json = $$"""{"when":"{{expected}}"}""";

        Assert.Equal(json, Write(writer => writer.DateTimeOffset(JsonEncodedText.Encode("when"), when)));
        Assert.Equal($"[\"{expected}\"]", Write(writer => JsonList<DateTimeOffset, JsonDateTimeOffset>.Write(writer, [when]), inObject: false));
    }

    [Fact]
    public void A_null_optional_property_is_left_out_and_a_null_required_one_is_written_as_null()
    {
        Assert.Equal("{}", Write(writer => writer.String(JsonEncodedText.Encode("when"), null)));
        Assert.Equal("""{"when":null}""", Write(writer => writer.Required.String(JsonEncodedText.Encode("when"), null)));
        Assert.Equal("""{"when":null}""", Write(writer => writer.Required.Int32(JsonEncodedText.Encode("when"), null)));
    }

    [Fact]
    public void Required_applies_to_the_property_not_to_what_its_items_contain()
    {
        var entries = new Dictionary<string, Entry> { ["a"] = new Entry(null) };

        Assert.Equal("""{"when":[{}]}""", Write(writer => writer.Required.List<Entry>(JsonEncodedText.Encode("when"), [new Entry(null)])));
        Assert.Equal("""{"when":{"a":{}}}""", Write(writer => writer.Required.Dictionary<Entry>(JsonEncodedText.Encode("when"), entries)));
        Assert.Equal("""{"when":{}}""", Write(writer => writer.Required.Model(JsonEncodedText.Encode("when"), new Entry(null))));
    }

    [Fact]
    public void Names_that_need_escaping_are_escaped_when_given_as_UTF_8()
    {
        Assert.Equal("""{"a\u0022b":1}""", Write(writer => writer.Int32(JsonEncodedText.Encode("a\"b"), 1)));
    }

    private static string Write(Action<JsonModelWriter> write, bool inObject = true)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var utf8 = new Utf8JsonWriter(buffer))
        {
            var writer = new JsonModelWriter(utf8);
            if (inObject)
            {
                writer.StartObject();
            }

            write(writer);
            if (inObject)
            {
                writer.EndObject();
            }
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A record with one optional property, written as a generated one is.</summary>
    private sealed record Entry(string? Note) : IJsonCodec<Entry>
    {
        static Entry IJsonCodec<Entry>.Read(ref JsonModelReader reader)
        {
            string? note = null;
            reader.StartObject("Entry");
            while (reader.NextProperty())
            {
                switch (reader.PropertyName)
                {
                    case "note": note = reader.String(); break;
                    default: reader.Skip(); break;
                }
            }

            return new Entry(note);
        }

        static void IJsonCodec<Entry>.Write(JsonModelWriter writer, Entry value)
        {
            writer.StartObject();
            writer.String(JsonEncodedText.Encode("note"), value.Note);
            writer.EndObject();
        }
    }
}

using System;
using System.Buffers;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace MagicHour.Emulator.Http;

/// <summary>Reading request bodies and writing JSON responses with Utf8JsonWriter.</summary>
internal static class HttpJson
{
    private const int MaxBodyBytes = 1024 * 1024;

    // Messages quote values ('mp4'); the default encoder would turn every quote into \u0027.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        await WriteRawAsync(context, statusCode, buffer.WrittenMemory).ConfigureAwait(false);
    }

    public static Task WriteErrorAsync(HttpContext context, int statusCode, string message) =>
        WriteAsync(context, statusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("message", message);
            writer.WriteEndObject();
        });

    public static async Task WriteRawAsync(HttpContext context, int statusCode, ReadOnlyMemory<byte> body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Parses the JSON body; on failure writes the 400 answer and returns null.</summary>
    public static async Task<JsonDocument?> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Request body is larger than 1 MiB").ConfigureAwait(false);
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        if (buffer.Length == 0)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Missing request body").ConfigureAwait(false);
            return null;
        }

        try
        {
            return JsonDocument.Parse(buffer.ToArray());
        }
        catch (JsonException exception)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Invalid JSON body: " + exception.Message).ConfigureAwait(false);
            return null;
        }
    }
}

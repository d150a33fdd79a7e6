using System;
using System.Diagnostics;
using System.Text.Json;

namespace MagicHour.Runtime.Http;

/// <summary>
/// Holds the API key so that it cannot leak through <see cref="object.ToString"/>, the debugger or a message, and is the
/// one redactor of everything the runtime builds from server data: messages, log lines and inner exceptions.
/// </summary>
[DebuggerDisplay("ApiKeyCredential ***")]
internal sealed class ApiKeyCredential
{
    private const string Mask = "***";

    private readonly string _key;

    public ApiKeyCredential(string key) => _key = key;

    public string HeaderValue => "Bearer " + _key;

    /// <summary>Replaces any occurrence of the key in <paramref name="text"/>, e.g. in a message a server echoed back.</summary>
    public string? Redact(string? text) =>
        Appears(text) ? text!.Replace(_key, Mask, StringComparison.Ordinal) : text;

    /// <summary>Whether <paramref name="text"/> holds the key.</summary>
    public bool Appears(string? text) => text is not null && _key.Length > 0 && text.Contains(_key, StringComparison.Ordinal);

    /// <summary>
    /// An exception that was raised while reading server data, made safe to keep as an inner exception: the same type
    /// (for the ones a reader throws), the redacted message, for a <see cref="JsonException"/> the same path, line and
    /// position, and no inner exception or stack of its own, whose text could hold what the server sent.
    /// </summary>
    public Exception Sanitize(Exception exception)
    {
        string message = Redact(exception.Message) ?? string.Empty;
        return exception switch
        {
            JsonException json => new JsonException(message, Redact(json.Path), json.LineNumber, json.BytePositionInLine),
            FormatException => new FormatException(message),
            ArgumentException => new ArgumentException(message),
            InvalidOperationException => new InvalidOperationException(message),
            _ => new Exception(message),
        };
    }

    public override string ToString() => "ApiKeyCredential " + Mask;
}

using System;
using System.ClientModel;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace MagicHour.Runtime.Http;

/// <summary>
/// The one redactor of everything the runtime builds from server data (messages, log lines, inner exceptions, error
/// bodies): it masks the credential's current key and every key this client has sent before, since a server may echo a
/// rotated-away key in a late answer (a project that failed while the old key was in use).
/// </summary>
internal sealed class KeyRedactor(ApiKeyCredential credential)
{
    private const string Mask = "***";

    private ImmutableArray<string> _sent = [];

    /// <summary>The key to send now: the credential's current one, remembered for redaction from then on.</summary>
    public string KeyToSend()
    {
        credential.Deconstruct(out string key);
        ImmutableInterlocked.Update(ref _sent, static (sent, key) => sent.Contains(key) ? sent : sent.Add(key), key);
        return key;
    }

    /// <summary>Replaces every key in <paramref name="text"/>, e.g. in a message a server echoed back.</summary>
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        credential.Deconstruct(out string current);
        text = text.Replace(current, Mask, StringComparison.Ordinal);
        foreach (string key in _sent)
        {
            text = text.Replace(key, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Whether <paramref name="text"/> holds a key.</summary>
    public bool Appears(string? text) => text is not null && Redact(text) != text;

    /// <summary>The bytes of a body with every key masked; the same array when no key appears in it.</summary>
    public byte[] Redact(byte[] utf8)
    {
        string text = Encoding.UTF8.GetString(utf8);
        string redacted = Redact(text)!;
        return ReferenceEquals(redacted, text) || redacted == text ? utf8 : Encoding.UTF8.GetBytes(redacted);
    }

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

    public override string ToString() => "KeyRedactor " + Mask;
}

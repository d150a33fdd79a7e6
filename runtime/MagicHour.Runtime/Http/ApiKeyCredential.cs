using System;
using System.Diagnostics;

namespace MagicHour.Runtime.Http;

/// <summary>Holds the API key so that it cannot leak through <see cref="object.ToString"/>, the debugger or a message.</summary>
[DebuggerDisplay("ApiKeyCredential ***")]
internal sealed class ApiKeyCredential
{
    private readonly string _key;

    public ApiKeyCredential(string key) => _key = key;

    public string HeaderValue => "Bearer " + _key;

    /// <summary>Replaces any occurrence of the key in <paramref name="text"/>, e.g. in a message a server echoed back.</summary>
    public string? Redact(string? text) =>
        text is null || _key.Length == 0 || !text.Contains(_key, StringComparison.Ordinal) ? text : text.Replace(_key, "***", StringComparison.Ordinal);

    public override string ToString() => "ApiKeyCredential ***";
}

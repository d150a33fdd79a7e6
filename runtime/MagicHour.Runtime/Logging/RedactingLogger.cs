using System;
using System.Collections;
using System.Collections.Generic;
using MagicHour.Runtime.Http;
using Microsoft.Extensions.Logging;

namespace MagicHour.Runtime.Logging;

/// <summary>
/// The runtime's logger: every line, every structured value and every exception passes through the credential's
/// redactor before it reaches the application's logger, so a status, id, URL or message a server echoed the key in
/// never lands in a log.
/// </summary>
internal sealed class RedactingLogger : ILogger
{
    private readonly ILogger _inner;
    private readonly ApiKeyCredential _credential;

    public RedactingLogger(ILogger inner, ApiKeyCredential credential)
    {
        _inner = inner;
        _credential = credential;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!_inner.IsEnabled(logLevel))
        {
            return;
        }

        var redacted = new RedactedState(_credential.Redact(formatter(state, exception)) ?? string.Empty, state as IReadOnlyList<KeyValuePair<string, object?>>, _credential);
        _inner.Log(logLevel, eventId, redacted, exception is not null && _credential.Appears(exception.ToString()) ? _credential.Sanitize(exception) : exception, static (s, _) => s.ToString());
    }

    /// <summary>The structured values of a log line with every string redacted; the message template is kept.</summary>
    private sealed class RedactedState : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly string _message;
        private readonly KeyValuePair<string, object?>[] _values;

        public RedactedState(string message, IReadOnlyList<KeyValuePair<string, object?>>? values, ApiKeyCredential credential)
        {
            _message = message;
            _values = new KeyValuePair<string, object?>[values?.Count ?? 0];
            for (int i = 0; i < _values.Length; i++)
            {
                KeyValuePair<string, object?> pair = values![i];
                _values[i] = pair.Value is string text && pair.Key != "{OriginalFormat}" ? new(pair.Key, credential.Redact(text)) : pair;
            }
        }

        public int Count => _values.Length;

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => _message;
    }
}

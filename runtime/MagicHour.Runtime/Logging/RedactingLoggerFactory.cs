using System;
using System.Collections;
using System.Collections.Generic;
using MagicHour.Runtime.Http;
using Microsoft.Extensions.Logging;

namespace MagicHour.Runtime.Logging;

/// <summary>
/// The application's logger factory as the runtime and System.ClientModel's policies see it: every line, every
/// structured value and every exception a logger it makes writes passes through the key redactor first, so a status,
/// id, URL or message a server echoed the key in never lands in a log.
/// </summary>
internal sealed class RedactingLoggerFactory : ILoggerFactory
{
    private readonly ILoggerFactory _inner;
    private readonly KeyRedactor _redactor;

    public RedactingLoggerFactory(ILoggerFactory inner, KeyRedactor redactor)
    {
        _inner = inner;
        _redactor = redactor;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(_inner.CreateLogger(categoryName), _redactor);

    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    // The application owns the factory it handed over.
    public void Dispose()
    {
    }

    private sealed class Logger(ILogger inner, KeyRedactor redactor) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var redacted = new RedactedState(redactor.Redact(formatter(state, exception)) ?? string.Empty, state as IReadOnlyList<KeyValuePair<string, object?>>, redactor);
            inner.Log(logLevel, eventId, redacted, exception is not null && redactor.Appears(exception.ToString()) ? redactor.Sanitize(exception) : exception, static (s, _) => s.ToString());
        }
    }

    /// <summary>The structured values of a log line with every string redacted; the message template is kept.</summary>
    private sealed class RedactedState : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly string _message;
        private readonly KeyValuePair<string, object?>[] _values;

        public RedactedState(string message, IReadOnlyList<KeyValuePair<string, object?>>? values, KeyRedactor redactor)
        {
            _message = message;
            _values = new KeyValuePair<string, object?>[values?.Count ?? 0];
            for (int i = 0; i < _values.Length; i++)
            {
                KeyValuePair<string, object?> pair = values![i];
                // A value that is not a string (System.ClientModel logs headers as an object) is redacted as the text it prints.
                _values[i] = pair.Key != "{OriginalFormat}" && pair.Value is { } value && value.ToString() is { } text && redactor.Appears(text)
                    ? new(pair.Key, redactor.Redact(text))
                    : pair;
            }
        }

        public int Count => _values.Length;

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => _message;
    }
}

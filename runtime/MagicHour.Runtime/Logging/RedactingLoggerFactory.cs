using System;
using System.Collections.Generic;
using System.Linq;
using MagicHour.Runtime.Http;
using Microsoft.Extensions.Logging;

namespace MagicHour.Runtime.Logging;

/// <summary>
/// The application's logger factory as the runtime and System.ClientModel's policies see it: every line, every
/// structured value and every exception a logger it makes writes passes through the key redactor first, so a status,
/// id, URL or message a server echoed the key in never lands in a log.
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner, KeyRedactor redactor) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Logger(inner.CreateLogger(categoryName), redactor);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

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

            // The structured values with every string redacted (the message template kept); a value that is not a string
            // (System.ClientModel logs headers as an object) is redacted as the text it prints.
            string message = redactor.Redact(formatter(state, exception)) ?? string.Empty;
            KeyValuePair<string, object?>[] values = (state as IEnumerable<KeyValuePair<string, object?>> ?? []).Select(pair =>
                pair.Key != "{OriginalFormat}" && pair.Value?.ToString() is { } text && redactor.Appears(text) ? new(pair.Key, redactor.Redact(text)) : pair).ToArray();
            inner.Log(logLevel, eventId, values, exception is not null && redactor.Appears(exception.ToString()) ? redactor.Sanitize(exception) : exception, (_, _) => message);
        }
    }
}

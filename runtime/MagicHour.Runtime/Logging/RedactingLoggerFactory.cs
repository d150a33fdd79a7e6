using MagicHour.Runtime.Http;
using Microsoft.Extensions.Logging;

namespace MagicHour.Runtime.Logging;

/// <summary>
/// The application's logger factory as the runtime and System.ClientModel's policies see it: every logger it makes
/// redacts the API key (see <see cref="RedactingLogger"/>), so a key a server echoed never reaches a log.
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

    public ILogger CreateLogger(string categoryName) => new RedactingLogger(_inner.CreateLogger(categoryName), _redactor);

    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    // The application owns the factory it handed over.
    public void Dispose()
    {
    }
}

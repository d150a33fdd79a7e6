using System.Diagnostics;
using System.Threading.Tasks;
using MagicHour.Runtime.Logging;
using Microsoft.Extensions.Logging;

namespace MagicHour.Runtime.Http.Policies;

/// <summary>Logs each attempt and hop: method, URI without query, status and time. Never a header.</summary>
internal sealed class LoggingPolicy : PipelinePolicy
{
    private readonly ILogger _logger;

    public LoggingPolicy(ILogger logger) => _logger = logger;

    public override async ValueTask ProcessAsync(PipelineMessage message, PipelineNext next)
    {
        if (!_logger.IsEnabled(LogLevel.Debug) && !_logger.IsEnabled(LogLevel.Information) && !_logger.IsEnabled(LogLevel.Warning))
        {
            await next.InvokeAsync(message).ConfigureAwait(false);
            return;
        }

        string method = message.Request!.Method.Method;
        string uri = UriSafety.ForLog(message.Request.RequestUri);
        RuntimeLog.Sending(_logger, method, uri, message.Operation, message.Attempt);
        long start = Stopwatch.GetTimestamp();
        try
        {
            await next.InvokeAsync(message).ConfigureAwait(false);
        }
        catch (TransportException ex)
        {
            RuntimeLog.NoResponse(_logger, method, uri, message.Operation, RuntimeLog.Milliseconds(Stopwatch.GetElapsedTime(start)), ex.Message);
            throw;
        }

        RuntimeLog.Received(_logger, method, uri, message.Operation, (int)message.Response!.StatusCode, RuntimeLog.Milliseconds(Stopwatch.GetElapsedTime(start)));
    }
}

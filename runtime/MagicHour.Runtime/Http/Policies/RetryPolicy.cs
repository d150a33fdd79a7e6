using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using MagicHour.Runtime.Logging;
using Microsoft.Extensions.Logging;

namespace MagicHour.Runtime.Http.Policies;

/// <summary>
/// Runs attempts until one succeeds or may not be repeated, waiting with exponential backoff and jitter, or as long as
/// <c>Retry-After</c> asks. What may be repeated:
/// <list type="bullet">
/// <item>a connection failure before the request left: always;</item>
/// <item>429 and 503, which mean the server turned the request away unprocessed: always;</item>
/// <item>502, 504, a timeout or a connection that broke after the request left (while the response, body included, was
/// read): only idempotent requests, because a gateway or the server may have processed it, and repeating a create
/// would charge its credits twice.</item>
/// </list>
/// Whatever the cause, a request whose body is a caller's stream that was already read is never repeated.
/// </summary>
internal sealed class RetryPolicy : PipelinePolicy
{
    private readonly RetryOptions _options;
    private readonly ILogger _logger;

    public RetryPolicy(RetryOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, PipelineNext next)
    {
        int maxAttempts = _options.MaxRetries + 1;
        for (int attempt = 1; ; attempt++)
        {
            message.Attempt = attempt;
            message.StartAttempt();
            string reason;
            TimeSpan delay;
            try
            {
                await next.InvokeAsync(message).ConfigureAwait(false);
            }
            catch (TransportException ex)
            {
                if (!message.CanResendBody())
                {
                    throw new MagicHourApiException(
                        ex.Kind,
                        $"{message.Operation}: {ex.Message}. The request body is a stream that was already read, so the request was not retried.",
                        operationId: message.Operation,
                        innerException: ex.InnerException)
                    { RequestMayHaveBeenProcessed = ex.RequestMayHaveBeenSent };
                }

                bool mayRepeat = message.IsIdempotent || !ex.RequestMayHaveBeenSent;
                if (!mayRepeat)
                {
                    RuntimeLog.NotRetriedMayHaveBeenProcessed(_logger, message.Operation, ex.Message);
                    throw new MagicHourApiException(
                        ex.Kind,
                        $"{message.Operation}: {ex.Message}. The server may have processed the request, so it was not retried: a second call could charge credits twice.",
                        operationId: message.Operation,
                        innerException: ex.InnerException)
                    { RequestMayHaveBeenProcessed = true };
                }

                if (attempt >= maxAttempts)
                {
                    throw new MagicHourApiException(
                        ex.Kind,
                        $"{message.Operation}: {ex.Message} (after {attempt} attempt{(attempt == 1 ? "" : "s")}).",
                        operationId: message.Operation,
                        innerException: ex.InnerException)
                    { RequestMayHaveBeenProcessed = ex.RequestMayHaveBeenSent && !message.IsIdempotent };
                }

                reason = ex.Message;
                delay = Backoff(attempt);
                RuntimeLog.Retrying(_logger, message.Operation, RuntimeLog.Milliseconds(delay), attempt + 1, maxAttempts, reason);
                await Task.Delay(delay, message.CancellationToken).ConfigureAwait(false);
                continue;
            }

            HttpResponseMessage response = message.Response!;
            if (attempt >= maxAttempts || !MayRepeat(response.StatusCode, message.IsIdempotent) || !message.CanResendBody())
            {
                if (!message.IsIdempotent && response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout)
                {
                    RuntimeLog.NotRetriedMayHaveBeenProcessed(_logger, message.Operation, $"status {(int)response.StatusCode}");
                }

                return;
            }

            TimeSpan? retryAfter = ResponseHeaders.RetryAfterOf(response);
            if (retryAfter > _options.MaxRetryAfter)
            {
                return;
            }

            delay = retryAfter ?? Backoff(attempt);
            reason = $"status {(int)response.StatusCode}";
            RuntimeLog.Retrying(_logger, message.Operation, RuntimeLog.Milliseconds(delay), attempt + 1, maxAttempts, reason);
            await Task.Delay(delay, message.CancellationToken).ConfigureAwait(false);
        }
    }

    internal static bool MayRepeat(HttpStatusCode status, bool idempotent) => status switch
    {
        HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable => true,
        HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout => idempotent,
        _ => false,
    };

    private TimeSpan Backoff(int attempt)
    {
        double exponential = _options.InitialDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        double capped = Math.Min(exponential, _options.MaxDelay.TotalMilliseconds);
        double jittered = capped * (0.8 + (0.4 * Random.Shared.NextDouble()));
        return TimeSpan.FromMilliseconds(jittered);
    }
}

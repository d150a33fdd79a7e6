using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using MagicHour.Runtime.Logging;
using Microsoft.Extensions.Logging;

namespace MagicHour.Runtime.Http.Policies;

/// <summary>
/// The pipeline's retry policy, in the place of System.ClientModel's (whose default classifier retries a POST answered
/// 500 or 502, which for this API could charge a create twice). It runs attempts until one succeeds or may not be
/// repeated, waiting with exponential backoff and jitter, or as long as <c>Retry-After</c> asks. What may be repeated:
/// <list type="bullet">
/// <item>a connection failure before the request left: always;</item>
/// <item>429 and 503, which mean the server turned the request away unprocessed: always;</item>
/// <item>408, 502, 504, a timeout or a connection that broke after the request left (while the response, body
/// included, was read): only idempotent requests, because a gateway or the server may have processed it, and
/// repeating a create would charge its credits twice.</item>
/// </list>
/// Whatever the cause, a request whose body is a caller's stream that was already read is never repeated. Every attempt
/// is logged.
/// </summary>
internal sealed class CreditSafeRetryPolicy : PipelinePolicy
{
    private readonly RetryOptions _options;
    private readonly ILogger _logger;

    public CreditSafeRetryPolicy(RetryOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
    }

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
        ProcessAsync(message, pipeline, currentIndex).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        MessageContext context = MessageContext.Of(message);
        string operation = context.Operation;
        int maxAttempts = _options.MaxRetries + 1;
        for (int attempt = 1; ; attempt++)
        {
            context.Attempt = attempt;
            string method = message.Request.Method;
            string uri = UriSafety.ForLog(message.Request.Uri);
            RuntimeLog.Sending(_logger, method, uri, operation, attempt);
            long start = Stopwatch.GetTimestamp();
            TimeSpan delay;
            string reason;
            try
            {
                await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
            }
            catch (TransportException ex)
            {
                RuntimeLog.NoResponse(_logger, method, uri, operation, RuntimeLog.Milliseconds(Stopwatch.GetElapsedTime(start)), ex.Message);
                if (!context.CanResendBody())
                {
                    throw Failed(ex, context, $"{ex.Message}. The request body is a stream that was already read, so the request was not retried.", ex.RequestMayHaveBeenSent);
                }

                if (!context.IsIdempotent && ex.RequestMayHaveBeenSent)
                {
                    RuntimeLog.NotRetriedMayHaveBeenProcessed(_logger, operation, ex.Message);
                    throw Failed(ex, context, $"{ex.Message}. The server may have processed the request, so it was not retried: a second call could charge credits twice.", true);
                }

                if (attempt >= maxAttempts)
                {
                    throw Failed(ex, context, $"{ex.Message} (after {attempt} attempt{(attempt == 1 ? "" : "s")}).", ex.RequestMayHaveBeenSent && !context.IsIdempotent);
                }

                reason = ex.Message;
                delay = Backoff(attempt);
                RuntimeLog.Retrying(_logger, operation, RuntimeLog.Milliseconds(delay), attempt + 1, maxAttempts, reason);
                await Task.Delay(delay, message.CancellationToken).ConfigureAwait(false);
                continue;
            }

            PipelineResponse response = message.Response!;
            RuntimeLog.Received(_logger, method, uri, operation, response.Status, RuntimeLog.Milliseconds(Stopwatch.GetElapsedTime(start)));
            if (attempt >= maxAttempts || !MayRepeat(response.Status, context.IsIdempotent) || !context.CanResendBody())
            {
                if (!context.IsIdempotent && response.Status is 502 or 504)
                {
                    RuntimeLog.NotRetriedMayHaveBeenProcessed(_logger, operation, $"status {response.Status}");
                }

                return;
            }

            TimeSpan? retryAfter = ResponseHeaders.RetryAfterOf(response);
            if (retryAfter > _options.MaxRetryAfter)
            {
                return;
            }

            delay = retryAfter ?? Backoff(attempt);
            reason = $"status {response.Status}";
            RuntimeLog.Retrying(_logger, operation, RuntimeLog.Milliseconds(delay), attempt + 1, maxAttempts, reason);
            message.ExtractResponse()?.Dispose();
            await Task.Delay(delay, message.CancellationToken).ConfigureAwait(false);
        }
    }

    internal static bool MayRepeat(int status, bool idempotent) => status switch
    {
        429 or 503 => true,
        408 or 502 or 504 => idempotent,
        _ => false,
    };

    private static MagicHourApiException Failed(TransportException ex, MessageContext context, string why, bool mayHaveBeenProcessed) =>
        new(ex.Kind, $"{context.Operation}: {why}", operationId: context.Operation, innerException: ex.InnerException)
        {
            RequestMayHaveBeenProcessed = mayHaveBeenProcessed,
        };

    private TimeSpan Backoff(int attempt)
    {
        double exponential = _options.InitialDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        double capped = Math.Min(exponential, _options.MaxDelay.TotalMilliseconds);
        double jittered = capped * (0.8 + (0.4 * Random.Shared.NextDouble()));
        return TimeSpan.FromMilliseconds(jittered);
    }
}

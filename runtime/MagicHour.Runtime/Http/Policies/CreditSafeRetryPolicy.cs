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
/// repeated by the <see cref="CreditSafeClassifier"/>'s rule, waiting with exponential backoff and jitter, or as long as
/// <c>Retry-After</c> asks (up to a cap). Every attempt is logged, and a failure says why it was not retried.
/// </summary>
internal sealed class CreditSafeRetryPolicy(RetryOptions options, ILogger logger) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
        ProcessAsync(message, pipeline, currentIndex).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        MessageContext context = MessageContext.Of(message);
        string operation = context.Operation;
        int maxAttempts = options.MaxRetries + 1;
        for (int attempt = 1; ; attempt++)
        {
            string method = message.Request.Method;
            string uri = UriSafety.ForLog(message.Request.Uri);
            RuntimeLog.Sending(logger, method, uri, operation, attempt);
            long start = Stopwatch.GetTimestamp();
            MagicHourApiException? fault = null;
            try
            {
                await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
                RuntimeLog.Received(logger, method, uri, operation, message.Response!.Status, RuntimeLog.Milliseconds(Stopwatch.GetElapsedTime(start)));
            }
            catch (MagicHourApiException ex) when (ex.Kind is MagicHourErrorKind.Network or MagicHourErrorKind.Timeout)
            {
                RuntimeLog.NoResponse(logger, method, uri, operation, RuntimeLog.Milliseconds(Stopwatch.GetElapsedTime(start)), ex.Message);
                fault = ex;
            }

            // Our rule, whatever classifier the message carries.
            CreditSafeClassifier.Instance.TryClassify(message, fault, out bool retriable);
            TimeSpan? retryAfter = fault is null ? ResponseHeaders.RetryAfterOf(message.Response!) : null;
            if (!retriable || attempt >= maxAttempts || retryAfter > options.MaxRetryAfter)
            {
                if (fault is not null)
                {
                    throw NotRetried(fault, context, attempt);
                }

                if (!context.IsIdempotent && message.Response!.Status is 502 or 504)
                {
                    RuntimeLog.NotRetriedMayHaveBeenProcessed(logger, operation, $"status {message.Response.Status}");
                }

                return;
            }

            TimeSpan delay = retryAfter ?? Backoff(attempt);
            RuntimeLog.Retrying(logger, operation, RuntimeLog.Milliseconds(delay), attempt + 1, maxAttempts, fault?.Message ?? $"status {message.Response!.Status}");
            message.ExtractResponse()?.Dispose();
            await Task.Delay(delay, message.CancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The failure of the last attempt, saying why there is no other.</summary>
    private MagicHourApiException NotRetried(MagicHourApiException fault, MessageContext context, int attempt)
    {
        bool bodyGone = !context.CanResendBody();
        if (fault.RequestMayHaveBeenProcessed && !bodyGone)
        {
            RuntimeLog.NotRetriedMayHaveBeenProcessed(logger, context.Operation, fault.Message);
        }

        string why = bodyGone ? ". The request body is a stream that was already read, so the request was not retried."
            : fault.RequestMayHaveBeenProcessed ? ". The server may have processed the request, so it was not retried: a second call could charge credits twice."
            : $" (after {attempt} attempt{(attempt == 1 ? "" : "s")}).";
        return new(fault.Kind, fault.Message + why, operationId: context.Operation, innerException: fault.InnerException)
        {
            RequestMayHaveBeenProcessed = fault.RequestMayHaveBeenProcessed,
        };
    }

    private TimeSpan Backoff(int attempt)
    {
        double exponential = options.InitialDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        double capped = Math.Min(exponential, options.MaxDelay.TotalMilliseconds);
        double jittered = capped * (0.8 + (0.4 * Random.Shared.NextDouble()));
        return TimeSpan.FromMilliseconds(jittered);
    }
}

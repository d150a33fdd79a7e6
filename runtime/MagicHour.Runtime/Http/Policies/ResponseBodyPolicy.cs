using System;
using System.Buffers;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MagicHour.Runtime.Http.Policies;

/// <summary>
/// Makes reading the body part of the attempt, around System.ClientModel's transport (which the runtime asks not to
/// buffer, since its buffering has no size limit): a JSON, text or error body is read whole within the network timeout
/// and up to a size limit, so a body that stalls, trickles or breaks off is a transient fault like a lost connection,
/// and a huge one is refused instead of held in memory; a streamed body gets our typed faults on every read. A failed
/// attempt is a <see cref="MagicHourApiException"/> of kind <see cref="MagicHourErrorKind.Network"/> or
/// <see cref="MagicHourErrorKind.Timeout"/> that says whether the request may have been processed.
/// </summary>
internal sealed class ResponseBodyPolicy(int maxBufferedBytes, KeyRedactor redactor) : PipelinePolicy
{
    // An error body is a short JSON object; only its beginning is kept.
    private const int MaxErrorBodyBytes = 64 * 1024;
    private const int ChunkSize = 16 * 1024;

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
        ProcessAsync(message, pipeline, currentIndex).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        MessageContext context = MessageContext.Of(message);
        TimeSpan timeout = message.NetworkTimeout ?? TimeSpan.FromSeconds(100);
        try
        {
            await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
            PipelineResponse response = message.Response!;
            if (response.ContentStream is not { } body)
            {
                return;
            }

            if (!context.BufferBody && !response.IsError)
            {
                response.ContentStream = new ResponseBodyStream(body, timeout, context.Operation, mayHaveBeenProcessed: !context.IsIdempotent);
                return;
            }

            int limit = response.IsError ? MaxErrorBodyBytes : maxBufferedBytes;
            if (!response.IsError && ResponseHeaders.ContentLengthOf(response) is { } declared && declared > limit)
            {
                throw TooLarge(response, context, $"{declared} bytes");
            }

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(message.CancellationToken);
            deadline.CancelAfter(timeout);
            using MemoryStream read = await ReadAsync(body, limit, deadline.Token).ConfigureAwait(false);
            if (!response.IsError && read.Length > limit)
            {
                throw TooLarge(response, context, $"more than {limit} bytes");
            }

            // The start of an error body holds its message; the rest is dropped with the connection.
            byte[] bytes = read.GetBuffer().AsSpan(0, (int)Math.Min(read.Length, limit)).ToArray();
            response.ContentStream = new MemoryStream(response.IsError ? redactor.Redact(bytes) : bytes, writable: false);
            await response.BufferContentAsync(message.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Fault(message, context, ex, timeout) is { } fault)
        {
            throw fault;
        }
    }

    /// <summary>Reads the body into memory until it ends or holds more than <paramref name="limit"/> bytes.</summary>
    private static async Task<MemoryStream> ReadAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            using (body)
            {
                int read;
                while (buffer.Length <= limit && (read = await body.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                }
            }

            return buffer;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>A failure of the transport or of reading the body, in our terms; null for anything else (the caller's cancellation too).</summary>
    private MagicHourApiException? Fault(PipelineMessage message, MessageContext context, Exception ex, TimeSpan timeout)
    {
        PipelineResponse? response = message.Response;
        string host = redactor.Redact(message.Request.Uri!.IdnHost)!;
        string seconds = timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        (MagicHourErrorKind kind, bool sent, string? what, Exception? cause) = ex switch
        {
            OperationCanceledException when message.CancellationToken.IsCancellationRequested => default,
            OperationCanceledException when response is null => (MagicHourErrorKind.Timeout, true, $"no response from {host} within {seconds} s", ex),
            OperationCanceledException => (MagicHourErrorKind.Timeout, true, $"the response from {host} ({response.Status}) did not arrive whole within {seconds} s", ex),
            ClientResultException { Status: 0, InnerException: HttpRequestException http } => (MagicHourErrorKind.Network, !FailedBeforeSending(http), redactor.Redact(http.Message), http),
            HttpRequestException or IOException or ObjectDisposedException when response is not null =>
                (MagicHourErrorKind.Network, true, $"the connection broke while the response ({response.Status}) was read: {redactor.Redact(ex.Message)}", ex),
            _ => default,
        };
        return what is null ? null : new MagicHourApiException(kind, $"{context.Operation}: {what}", operationId: context.Operation, innerException: cause)
        {
            // A create that reached the server may have been charged; so may any request whose body cannot be sent again.
            RequestMayHaveBeenProcessed = sent && (!context.IsIdempotent || !context.CanResendBody()),
        };
    }

    private MagicHourApiException TooLarge(PipelineResponse response, MessageContext context, string size) =>
        context.InvalidResponse(response, $"the response body is {size}, more than the {maxBufferedBytes} bytes a JSON or text answer may have; it was not read.", redactor);

    private static bool FailedBeforeSending(HttpRequestException ex) => ex.HttpRequestError is
        HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
}

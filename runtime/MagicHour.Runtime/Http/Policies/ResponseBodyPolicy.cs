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
/// buffer): a JSON, text or error body is read whole within the network timeout and up to a size limit, so a body that
/// stalls, trickles or breaks off is a transient fault like a lost connection, and a huge one is refused instead of
/// held in memory; a streamed body gets our typed faults on every read. Transport failures become a
/// <see cref="TransportException"/> that says whether the request may have reached the server.
/// </summary>
internal sealed class ResponseBodyPolicy : PipelinePolicy
{
    // An error body is a short JSON object; only its beginning is kept.
    private const int MaxErrorBodyBytes = 64 * 1024;
    private const int ChunkSize = 16 * 1024;

    private readonly int _maxBufferedBytes;
    private readonly KeyRedactor _redactor;

    public ResponseBodyPolicy(int maxBufferedBytes, KeyRedactor redactor)
    {
        _maxBufferedBytes = maxBufferedBytes;
        _redactor = redactor;
    }

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
        ProcessAsync(message, pipeline, currentIndex).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        MessageContext context = MessageContext.Of(message);
        TimeSpan timeout = message.NetworkTimeout ?? TimeSpan.FromSeconds(100);
        try
        {
            await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
        }
        catch (ClientResultException ex) when (ex.Status == 0 && ex.InnerException is HttpRequestException http)
        {
            throw new TransportException(MagicHourErrorKind.Network, !FailedBeforeSending(http), _redactor.Redact(http.Message)!, http);
        }
        catch (OperationCanceledException ex) when (!message.CancellationToken.IsCancellationRequested)
        {
            // The network timeout: the request may well have reached the server.
            throw new TransportException(MagicHourErrorKind.Timeout, requestMayHaveBeenSent: true, $"no response from {Host(message)} within {Seconds(timeout)} s", ex);
        }

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

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(message.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            byte[] bytes = await ReadWholeAsync(body, response, context, deadline.Token).ConfigureAwait(false);
            response.ContentStream = new MemoryStream(response.IsError ? _redactor.Redact(bytes) : bytes, writable: false);
            await response.BufferContentAsync(message.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!message.CancellationToken.IsCancellationRequested)
        {
            throw new TransportException(
                MagicHourErrorKind.Timeout,
                requestMayHaveBeenSent: true,
                $"the response from {Host(message)} ({response.Status}) did not arrive whole within {Seconds(timeout)} s",
                ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or ObjectDisposedException)
        {
            throw new TransportException(
                MagicHourErrorKind.Network,
                requestMayHaveBeenSent: true,
                $"the connection broke while the response ({response.Status}) was read: {_redactor.Redact(ex.Message)}",
                ex);
        }
    }

    /// <summary>Reads the body into memory: a success up to the limit (more is an invalid response), an error's beginning.</summary>
    private async Task<byte[]> ReadWholeAsync(Stream body, PipelineResponse response, MessageContext context, CancellationToken cancellationToken)
    {
        bool success = !response.IsError;
        int limit = success ? _maxBufferedBytes : MaxErrorBodyBytes;
        long? declared = response.Headers.TryGetValue("Content-Length", out string? length) && long.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value : null;
        if (success && declared > limit)
        {
            throw TooLarge(response, context, $"{declared} bytes");
        }

        using var buffer = new MemoryStream(declared is long known && known <= limit ? (int)known : 0);
        byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            using (body)
            {
                int read;
                while ((read = await body.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > limit)
                    {
                        if (success)
                        {
                            throw TooLarge(response, context, $"more than {limit} bytes");
                        }

                        // The start of an error body holds its message; the rest is dropped with the connection.
                        buffer.Write(chunk, 0, limit - (int)buffer.Length);
                        break;
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private MagicHourApiException TooLarge(PipelineResponse response, MessageContext context, string size) => new(
        MagicHourErrorKind.InvalidResponse,
        $"{context.Operation}: the response body is {size}, more than the {_maxBufferedBytes} bytes a JSON or text answer may have; it was not read.",
        response,
        operationId: context.Operation,
        requestId: _redactor.Redact(ResponseHeaders.RequestIdOf(response)))
    {
        RequestMayHaveBeenProcessed = !context.IsIdempotent,
    };

    private string Host(PipelineMessage message) => _redactor.Redact(message.Request.Uri!.IdnHost)!;

    private static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static bool FailedBeforeSending(HttpRequestException ex) => ex.HttpRequestError is
        HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
}

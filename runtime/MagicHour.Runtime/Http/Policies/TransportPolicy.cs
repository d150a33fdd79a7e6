using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MagicHour.Runtime.Http.Policies;

/// <summary>
/// Sends the attempt with <see cref="HttpClient"/>; the last policy. The network timeout bounds the attempt from sending
/// to the last byte of a body that is read whole (JSON, text, errors), so reading the body is part of the attempt and a
/// body that stalls or breaks off is a transient fault like a lost connection. A streamed body gets a timeout per read.
/// </summary>
internal sealed class TransportPolicy : PipelinePolicy
{
    // An error body is a short JSON object; only its beginning is kept.
    private const int MaxErrorBodyBytes = 64 * 1024;
    private const int ChunkSize = 16 * 1024;

    private readonly HttpClient _httpClient;
    private readonly TimeSpan _timeout;
    private readonly int _maxBufferedBytes;
    private readonly ApiKeyCredential _credential;

    public TransportPolicy(HttpClient httpClient, TimeSpan timeout, int maxBufferedBytes, ApiKeyCredential credential)
    {
        _httpClient = httpClient;
        _timeout = timeout;
        _maxBufferedBytes = maxBufferedBytes;
        _credential = credential;
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, PipelineNext next)
    {
        HttpRequestMessage request = message.Request!;
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(message.CancellationToken);
        attempt.CancelAfter(_timeout);
        try
        {
            message.Response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!message.CancellationToken.IsCancellationRequested)
        {
            // Our timeout or HttpClient.Timeout: the request may well have reached the server.
            throw new TransportException(MagicHourErrorKind.Timeout, requestMayHaveBeenSent: true, $"no response from {Host(request)} within {Seconds} s", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new TransportException(MagicHourErrorKind.Network, !FailedBeforeSending(ex), _credential.Redact(ex.Message)!, ex);
        }

        HttpResponseMessage response = message.Response;
        try
        {
            if (message.BufferResponse || !response.IsSuccessStatusCode)
            {
                await BufferAsync(message, response, attempt.Token).ConfigureAwait(false);
            }
            else
            {
                Stream body = await response.Content.ReadAsStreamAsync(attempt.Token).ConfigureAwait(false);
                var stream = new ResponseBodyStream(response.Content, body, _timeout, message.Operation, mayHaveBeenProcessed: !message.IsIdempotent);
                response.Content = WithHeadersOf(response.Content, new StreamContent(stream), keepLength: true);
            }
        }
        catch (OperationCanceledException ex) when (!message.CancellationToken.IsCancellationRequested)
        {
            throw new TransportException(
                MagicHourErrorKind.Timeout,
                requestMayHaveBeenSent: true,
                $"the response from {Host(request)} ({(int)response.StatusCode}) did not arrive whole within {Seconds} s",
                ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new TransportException(
                MagicHourErrorKind.Network,
                requestMayHaveBeenSent: true,
                $"the connection broke while the response ({(int)response.StatusCode}) was read: {_credential.Redact(ex.Message)}",
                ex);
        }
    }

    /// <summary>Reads the body into memory, within the attempt's time, and puts it back as the response's content.</summary>
    private async Task BufferAsync(PipelineMessage message, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        bool success = response.IsSuccessStatusCode;
        int limit = success ? _maxBufferedBytes : MaxErrorBodyBytes;
        long? declared = response.Content.Headers.ContentLength;
        if (success && declared > limit)
        {
            throw TooLarge(message, response, $"{declared} bytes");
        }

        var buffer = new MemoryStream(declared is long length && length <= limit ? (int)length : 0);
        byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    if (success)
                    {
                        throw TooLarge(message, response, $"more than {limit} bytes");
                    }

                    // The start of an error body holds its message; the rest is dropped with the connection.
                    buffer.Write(chunk, 0, limit - (int)buffer.Length);
                    break;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        HttpContent original = response.Content;
        response.Content = WithHeadersOf(original, new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length), keepLength: false);
        original.Dispose();
    }

    private static HttpContent WithHeadersOf(HttpContent original, HttpContent replacement, bool keepLength)
    {
        foreach (KeyValuePair<string, IEnumerable<string>> header in original.Headers)
        {
            if (keepLength || !string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return replacement;
    }

    private MagicHourApiException TooLarge(PipelineMessage message, HttpResponseMessage response, string size) => new(
        MagicHourErrorKind.InvalidResponse,
        $"{message.Operation}: the response body is {size}, more than the {_maxBufferedBytes} bytes a JSON or text answer may have; it was not read.",
        response.StatusCode,
        operationId: message.Operation,
        requestId: _credential.Redact(ResponseHeaders.RequestIdOf(response)))
    {
        RequestMayHaveBeenProcessed = !message.IsIdempotent,
    };

    private string Host(HttpRequestMessage request) => _credential.Redact(request.RequestUri!.IdnHost)!;

    private string Seconds => _timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    private static bool FailedBeforeSending(HttpRequestException ex) => ex.HttpRequestError is
        HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
}

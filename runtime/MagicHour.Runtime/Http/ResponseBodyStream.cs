using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MagicHour.Runtime.Http;

/// <summary>
/// A streamed response body (a binary response, a download). System.ClientModel's transport already bounds every read
/// by the network timeout (it closes a body that stalls); this stream says what happened in our terms: a read that
/// timed out or a connection that broke ends in a <see cref="MagicHourApiException"/> of kind
/// <see cref="MagicHourErrorKind.Timeout"/> or <see cref="MagicHourErrorKind.Network"/> that says how far the body got,
/// and every later read reports the same fault.
/// </summary>
/// <param name="inner">The body as the transport delivers it, each read bounded by <paramref name="timeout"/>.</param>
/// <param name="timeout">How long one read may wait for data, for messages.</param>
/// <param name="operation">The operation, for messages.</param>
/// <param name="mayHaveBeenProcessed">Whether a failure means a non-idempotent request was processed (it was answered with success).</param>
internal sealed class ResponseBodyStream(Stream inner, TimeSpan timeout, string operation, bool mayHaveBeenProcessed) : Stream
{
    private long _bytesRead;
    private MagicHourApiException? _failure;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _bytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ThrowIfFailed();
        try
        {
            return Count(inner.Read(buffer, offset, count));
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or IOException or HttpRequestException)
        {
            throw Fault(ex);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfFailed();
        try
        {
            return Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is OperationCanceledException or ObjectDisposedException or IOException or HttpRequestException)
        {
            throw Fault(ex);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Once a read failed, the body is gone: every later read reports the same fault.</summary>
    private void ThrowIfFailed()
    {
        if (_failure is { InnerException: { } cause })
        {
            throw Fault(cause);
        }
    }

    private int Count(int read)
    {
        _bytesRead += read;
        return read;
    }

    private MagicHourApiException Fault(Exception ex) => _failure = new MagicHourApiException(
        ex is OperationCanceledException ? MagicHourErrorKind.Timeout : MagicHourErrorKind.Network,
        ex is OperationCanceledException
            ? $"{operation}: the response body stalled after {Position} bytes: no data for {timeout.TotalSeconds:0.###} s."
            : $"{operation}: the connection broke after {Position} bytes of the response body: {ex.Message}",
        operationId: operation,
        innerException: ex)
    {
        RequestMayHaveBeenProcessed = mayHaveBeenProcessed,
    };
}

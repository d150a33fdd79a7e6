using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MagicHour.Runtime.Http;

/// <summary>
/// A streamed response body (a binary response, a download) whose every read must make progress within the network
/// timeout. A read that waits longer, or a connection that breaks, ends in a <see cref="MagicHourApiException"/> of kind
/// <see cref="MagicHourErrorKind.Timeout"/> or <see cref="MagicHourErrorKind.Network"/> that says how far the body got.
/// </summary>
internal sealed class ResponseBodyStream : Stream
{
    private readonly HttpContent _content;
    private readonly Stream _inner;
    private readonly TimeSpan _timeout;
    private readonly string _operation;
    private readonly bool _mayHaveBeenProcessed;
    private long _bytesRead;
    private volatile bool _closedByTimer;
    private MagicHourApiException? _failure;

    /// <param name="content">The response content the body belongs to; disposed with this stream.</param>
    /// <param name="inner">The body as the connection delivers it.</param>
    /// <param name="timeout">How long one read may wait for data.</param>
    /// <param name="operation">The operation, for messages.</param>
    /// <param name="mayHaveBeenProcessed">Whether a failure means a non-idempotent request was processed (it was answered with success).</param>
    public ResponseBodyStream(HttpContent content, Stream inner, TimeSpan timeout, string operation, bool mayHaveBeenProcessed)
    {
        _content = content;
        _inner = inner;
        _timeout = timeout;
        _operation = operation;
        _mayHaveBeenProcessed = mayHaveBeenProcessed;
    }

    /// <summary>How many bytes of the body were read so far.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // A synchronous read cannot take a token: when the timer fires it closes the body, which ends the read (and
        // any later one: the body is gone).
        ThrowIfFailed();
        using var stall = new CancellationTokenSource(_timeout);
        using CancellationTokenRegistration abort = stall.Token.Register(static state => ((ResponseBodyStream)state!).CloseByTimer(), this);
        try
        {
            return Count(_inner.Read(buffer));
        }
        catch (Exception ex) when (_closedByTimer || IsBreak(ex))
        {
            throw Fault(ex, _closedByTimer);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfFailed();
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(_timeout);
        try
        {
            return Count(await _inner.ReadAsync(buffer, stall.Token).ConfigureAwait(false));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (IsStall(ex, stall.Token) || IsBreak(ex)))
        {
            throw Fault(ex, stall.IsCancellationRequested);
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
            _inner.Dispose();
            _content.Dispose();
        }

        base.Dispose(disposing);
    }

    private static bool IsStall(Exception ex, CancellationToken stall) =>
        stall.IsCancellationRequested && ex is OperationCanceledException or ObjectDisposedException or IOException;

    private static bool IsBreak(Exception ex) => ex is IOException or HttpRequestException;

    private void CloseByTimer()
    {
        _closedByTimer = true;
        _inner.Dispose();
    }

    /// <summary>Once a read failed, the body is gone: every later read reports the same fault.</summary>
    private void ThrowIfFailed()
    {
        if (_failure is { } failure)
        {
            throw new MagicHourApiException(failure.Kind, failure.Message, operationId: failure.OperationId, innerException: failure.InnerException)
            {
                RequestMayHaveBeenProcessed = failure.RequestMayHaveBeenProcessed,
            };
        }

        if (_closedByTimer)
        {
            throw Fault(new ObjectDisposedException(nameof(ResponseBodyStream)), stalled: true);
        }
    }

    private int Count(int read)
    {
        Interlocked.Add(ref _bytesRead, read);
        return read;
    }

    private MagicHourApiException Fault(Exception ex, bool stalled) => _failure = stalled
        ? new MagicHourApiException(
            MagicHourErrorKind.Timeout,
            $"{_operation}: the response body stalled after {BytesRead} bytes: no data for {_timeout.TotalSeconds:0.###} s.",
            operationId: _operation,
            innerException: ex)
        { RequestMayHaveBeenProcessed = _mayHaveBeenProcessed }
        : new MagicHourApiException(
            MagicHourErrorKind.Network,
            $"{_operation}: the connection broke after {BytesRead} bytes of the response body: {ex.Message}",
            operationId: _operation,
            innerException: ex)
        { RequestMayHaveBeenProcessed = _mayHaveBeenProcessed };
}

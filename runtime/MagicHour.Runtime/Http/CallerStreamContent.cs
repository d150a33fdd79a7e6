using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace MagicHour.Runtime.Http;

/// <summary>
/// Streams a caller's <see cref="Stream"/> as a body without buffering it, and leaves it open: the caller owns it.
/// The callback runs when the first byte is about to be read, after which the body cannot be sent again.
/// </summary>
internal sealed class CallerStreamContent : HttpContent
{
    private readonly Stream _stream;
    private readonly Action _onSending;
    private readonly long? _length;

    public CallerStreamContent(Stream stream, string mediaType, Action onSending)
    {
        _stream = stream;
        _onSending = onSending;
        _length = stream.CanSeek ? stream.Length - stream.Position : null;
        Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
    }

    protected override Task SerializeToStreamAsync(Stream target, TransportContext? context) =>
        SerializeToStreamAsync(target, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream target, TransportContext? context, CancellationToken cancellationToken)
    {
        _onSending();
        await _stream.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length ?? 0;
        return _length is not null;
    }
}

using System;
using System.ClientModel;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MagicHour.Runtime.Http;

/// <summary>
/// A request body made by <see cref="HttpContent"/> (a caller's stream, a multipart or url-encoded form), as
/// System.ClientModel's <see cref="BinaryContent"/>. Each attempt writes content made anew; a caller's stream is read
/// once (the retry policy knows when it may not be resent).
/// </summary>
internal sealed class HttpContentBody : BinaryContent
{
    private readonly Func<HttpContent> _create;
    private HttpContent? _next;

    /// <param name="create">Makes the content for one attempt.</param>
    public HttpContentBody(Func<HttpContent> create)
    {
        _create = create;
        _next = create();
        MediaType = _next.Headers.ContentType?.ToString();
    }

    public override bool TryComputeLength(out long length)
    {
        long? known = Next().Headers.ContentLength;
        length = known ?? 0;
        return known is not null;
    }

    public override async Task WriteToAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        using HttpContent content = Take();
        await content.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    public override void WriteTo(Stream stream, CancellationToken cancellationToken = default)
    {
        using HttpContent content = Take();
        content.CopyTo(stream, null, cancellationToken);
    }

    public override void Dispose()
    {
        Interlocked.Exchange(ref _next, null)?.Dispose();
    }

    private HttpContent Next() => _next ??= _create();

    private HttpContent Take() => Interlocked.Exchange(ref _next, null) ?? _create();
}

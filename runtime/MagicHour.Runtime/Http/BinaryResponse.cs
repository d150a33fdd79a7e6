using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;

namespace MagicHour.Runtime.Http;

/// <summary>
/// A success response whose body is binary, still streaming from the connection. Dispose it (or its owner) once the
/// body is read: that releases the HTTP response and the connection it holds.
/// </summary>
public sealed class BinaryResponse : IDisposable, IAsyncDisposable
{
    private readonly HttpResponseMessage _response;

    internal BinaryResponse(HttpResponseMessage response, Stream content)
    {
        _response = response;
        Content = content;
        ContentType = response.Content.Headers.ContentType?.ToString();
        Length = response.Content.Headers.ContentLength;
    }

    /// <summary>The body, read once, as it arrives.</summary>
    public Stream Content { get; }

    /// <summary>The <c>Content-Type</c> header, e.g. <c>image/png</c>, or null when the server sent none.</summary>
    public string? ContentType { get; }

    /// <summary>The <c>Content-Length</c> header, or null when the length is not known in advance.</summary>
    public long? Length { get; }

    /// <summary>Closes the body and releases the HTTP response.</summary>
    public void Dispose()
    {
        Content.Dispose();
        _response.Dispose();
    }

    /// <summary>Closes the body and releases the HTTP response.</summary>
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
    }
}

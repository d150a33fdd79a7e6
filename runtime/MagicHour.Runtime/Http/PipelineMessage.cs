using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;

namespace MagicHour.Runtime.Http;

/// <summary>
/// One logical request as it travels through the policies: what to send (rebuilt for every attempt, since an
/// <see cref="HttpRequestMessage"/> cannot be sent twice), the current attempt's request and response, and the rules
/// that apply to it.
/// </summary>
internal sealed class PipelineMessage : IDisposable
{
    private readonly Func<HttpContent?>? _createContent;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _headers;

    public PipelineMessage(
        HttpMethod method,
        Uri uri,
        string operation,
        bool authenticate,
        bool isIdempotent,
        Func<HttpContent?>? createContent,
        IReadOnlyList<KeyValuePair<string, string>>? headers,
        CancellationToken cancellationToken)
    {
        Method = method;
        Uri = uri;
        Operation = operation;
        Authenticate = authenticate;
        IsIdempotent = isIdempotent;
        _createContent = createContent;
        _headers = headers ?? [];
        CancellationToken = cancellationToken;
    }

    public HttpMethod Method { get; private set; }

    /// <summary>The target of the first attempt; a redirect changes only <see cref="Request"/>.</summary>
    public Uri Uri { get; }

    /// <summary>The operation id or a name such as <c>upload</c>, for logs and errors.</summary>
    public string Operation { get; }

    /// <summary>An API call, which carries the key to the API's own origin; uploads and downloads never do.</summary>
    public bool Authenticate { get; }

    public bool IsIdempotent { get; }

    /// <summary>Whether the body may be sent again; false once a one-shot (streamed) body began to be read.</summary>
    public Func<bool> CanResendBody { get; init; } = static () => true;

    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// Whether a success body is read whole within the attempt (JSON, text, empty); false streams it (binary responses,
    /// downloads), every read bounded by the network timeout. Error bodies are always read within the attempt.
    /// </summary>
    public bool BufferResponse { get; init; } = true;

    public int Attempt { get; set; }

    public HttpRequestMessage? Request { get; private set; }

    public HttpResponseMessage? Response { get; set; }

    /// <summary>Starts a fresh attempt at the original target.</summary>
    public void StartAttempt()
    {
        DisposeAttempt();
        Request = Build(Method, Uri, withContent: true);
    }

    /// <summary>Follows a redirect: the same attempt, a new target; the body goes along only when the method is kept.</summary>
    public void Redirect(Uri target, bool forceGet)
    {
        DisposeAttempt();
        Request = Build(forceGet ? HttpMethod.Get : Method, target, withContent: !forceGet);
    }

    /// <summary>Hands the response to the caller, who disposes it.</summary>
    public HttpResponseMessage TakeResponse()
    {
        HttpResponseMessage response = Response ?? throw new InvalidOperationException("The pipeline produced no response.");
        Response = null;
        return response;
    }

    public void Dispose() => DisposeAttempt();

    private HttpRequestMessage Build(HttpMethod method, Uri target, bool withContent)
    {
        var request = new HttpRequestMessage(method, target);
        foreach (KeyValuePair<string, string> header in _headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (withContent)
        {
            request.Content = _createContent?.Invoke();
        }

        return request;
    }

    private void DisposeAttempt()
    {
        Response?.Dispose();
        Response = null;
        Request?.Dispose();
        Request = null;
    }
}

using System;
using System.ClientModel;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using MagicHour.Runtime.Json;

namespace MagicHour.Runtime.Http;

/// <summary>One API call as generated code describes it: method, path, parameters and body.</summary>
public sealed class ApiRequest
{
    private const string JsonMediaType = "application/json; charset=utf-8";

    private readonly List<KeyValuePair<string, string>> _query = [];
    private readonly List<KeyValuePair<string, string>> _headers = [];
    private Action<Utf8JsonWriter>? _writeBody;
    private Func<HttpContent>? _createBody;
    private bool _bodySending;

    /// <summary>Creates a request for <paramref name="path"/>, relative to the client's base address.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path with its parameters already escaped, e.g. <c>/v1/image-projects/abc</c>.</param>
    /// <param name="operationId">The spec's operation id, used in errors and logs.</param>
    public ApiRequest(HttpMethod method, string path, string operationId)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        Path = path ?? throw new ArgumentNullException(nameof(path));
        OperationId = operationId ?? throw new ArgumentNullException(nameof(operationId));
        IsIdempotent = method != HttpMethod.Post && method != HttpMethod.Patch;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The escaped path, relative to the base address.</summary>
    public string Path { get; }

    /// <summary>The spec's operation id.</summary>
    public string OperationId { get; }

    /// <summary>
    /// Whether sending the request twice has the effect of sending it once. Non-idempotent requests (POST, PATCH) are
    /// retried only when the server cannot have seen them.
    /// </summary>
    public bool IsIdempotent { get; set; }

    /// <summary>Query parameters in the order they were added.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query => _query;

    /// <summary>Header parameters in the order they were added.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    /// <summary>
    /// Whether the body can be sent again, for a retry or a redirect. A body read from a caller's stream (see
    /// <see cref="SetStreamBody"/>, or a file in <see cref="SetMultipartBody"/>) is read once, so such a request is not
    /// repeated once sending began.
    /// </summary>
    public bool IsBodyReplayable { get; private set; } = true;

    /// <summary>
    /// The <c>Accept</c> header. Null leaves it to the send method: <c>application/json</c> for a JSON response, none
    /// for an operation that answers with an empty body.
    /// </summary>
    public string? Accept { get; set; }

    /// <summary>Whether the body may be sent (again): it is replayable, or its stream has not been read yet.</summary>
    internal bool CanResendBody => IsBodyReplayable || !_bodySending;

    /// <summary>Adds a query parameter; a null value is left out.</summary>
    public void AddQuery(string name, string? value)
    {
        if (value is not null)
        {
            _query.Add(new(name, value));
        }
    }

    /// <summary>Adds a header parameter; a null value is left out.</summary>
    public void AddHeader(string name, string? value)
    {
        if (value is not null)
        {
            _headers.Add(new(name, value));
        }
    }

    /// <summary>Sets a JSON body, written with <paramref name="write"/> when the request is sent.</summary>
    public void SetJsonBody<T>(T value, JsonValueWriter<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        _writeBody = writer => write(writer, value);
        _createBody = null;
        IsBodyReplayable = true;
    }

    /// <summary>
    /// Sets a binary body streamed from <paramref name="content"/> (never buffered whole) with the Content-Type
    /// <paramref name="mediaType"/>. The stream is read once and not disposed; the request is not retried once sending began.
    /// </summary>
    public void SetStreamBody(Stream content, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(mediaType);
        SetBody(() => new CallerStreamContent(content, mediaType, MarkSending), replayable: false);
    }

    /// <summary>
    /// Sets a <c>multipart/form-data</c> body: a text part per text field, a file part per file. File streams are read
    /// once and not disposed; a request with files is not retried once sending began.
    /// </summary>
    public void SetMultipartBody(FormBody form)
    {
        ArgumentNullException.ThrowIfNull(form);

        // One boundary for every attempt: the Content-Type header that names it is set once.
        string boundary = Guid.NewGuid().ToString();
        SetBody(
            () =>
            {
                var content = new MultipartFormDataContent(boundary);
                foreach (KeyValuePair<string, object> field in form.Fields)
                {
                    if (field.Value is FilePart file)
                    {
                        content.Add(new CallerStreamContent(file.Content, file.ContentType ?? "application/octet-stream", MarkSending), field.Key, file.FileName);
                    }
                    else
                    {
                        content.Add(new StringContent((string)field.Value), field.Key);
                    }
                }

                return content;
            },
            replayable: !form.HasFiles);
    }

    /// <summary>Sets an <c>application/x-www-form-urlencoded</c> body from text fields.</summary>
    /// <exception cref="ArgumentException">The form has a file, which only a multipart body can carry.</exception>
    public void SetFormUrlEncodedBody(FormBody form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.HasFiles)
        {
            throw new ArgumentException("A url-encoded form carries text fields only; send files as multipart/form-data.", nameof(form));
        }

        SetBody(() => new FormUrlEncodedContent(form.Fields.Select(f => new KeyValuePair<string, string>(f.Key, (string)f.Value))), replayable: true);
    }

    /// <summary>The relative URI with the query string.</summary>
    public string BuildRelativeUri()
    {
        if (_query.Count == 0)
        {
            return Path;
        }

        var builder = new System.Text.StringBuilder(Path);
        char separator = Path.Contains('?') ? '&' : '?';
        foreach (KeyValuePair<string, string> pair in _query)
        {
            builder.Append(separator).Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
            separator = '&';
        }

        return builder.ToString();
    }

    /// <summary>The body and its media type, or null when there is none. A JSON body is written once and sent as often as needed.</summary>
    internal BinaryContent? CreateContent(out string? mediaType)
    {
        if (_createBody is not null)
        {
            var body = new HttpContentBody(_createBody);
            mediaType = body.MediaType;
            return body;
        }

        mediaType = null;
        if (_writeBody is null)
        {
            return null;
        }

        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            _writeBody(writer);
        }

        mediaType = JsonMediaType;
        return BinaryContent.Create(new BinaryData(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)));
    }

    private void SetBody(Func<HttpContent> createBody, bool replayable)
    {
        _createBody = createBody;
        _writeBody = null;
        _bodySending = false;
        IsBodyReplayable = replayable;
    }

    private void MarkSending() => _bodySending = true;

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path} ({OperationId})";
}

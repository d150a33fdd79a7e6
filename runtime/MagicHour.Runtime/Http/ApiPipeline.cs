using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MagicHour.Runtime.Http.Policies;
using MagicHour.Runtime.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MagicHour.Runtime.Logging;

namespace MagicHour.Runtime.Http;

/// <summary>
/// Sends the requests that generated clients describe through a pipeline of policies (retry, redirect,
/// authentication, logging, transport), maps failures to <see cref="MagicHourApiException"/> and reads JSON responses
/// with the generated readers.
/// </summary>
public class ApiPipeline : IDisposable
{
    /// <summary>The logger category of everything the runtime logs.</summary>
    public const string LoggerCategory = "MagicHour.Runtime";

    private const int MaxRedirects = 5;

    // The path is built from escaped segments already; canonicalizing it would turn an id such as ".." (even as %2E%2E)
    // into a dot segment and send the request to another endpoint.
    private static readonly UriCreationOptions VerbatimPath = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private const string JsonMediaType = "application/json";

    private readonly HttpClient _httpClient;
    private readonly bool _disposeHttpClient;
    private readonly ApiKeyCredential _credential;
    private readonly Uri _baseAddress;
    private readonly PipelinePolicy[] _apiPolicies;
    private readonly PipelinePolicy[] _assetPolicies;

    /// <summary>Creates a pipeline over <paramref name="httpClient"/>.</summary>
    /// <exception cref="InvalidOperationException">No API key is set in the options or the environment.</exception>
    /// <exception cref="ArgumentException">The base address (from the options or <c>MAGIC_HOUR_BASE_URL</c>) is not https, nor http to a loopback address.</exception>
    public ApiPipeline(HttpClient httpClient, MagicHourClientOptions? options = null, bool disposeHttpClient = false)
        : this(httpClient, options, disposeHttpClient, defaultBaseAddress: null)
    {
    }

    /// <summary>Creates a pipeline over <paramref name="httpClient"/> for an API whose own default address is <paramref name="defaultBaseAddress"/>.</summary>
    /// <param name="httpClient">The HTTP client to send with.</param>
    /// <param name="options">The client's options; their <see cref="MagicHourClientOptions.BaseAddress"/>, or else the
    /// <c>MAGIC_HOUR_BASE_URL</c> environment variable, wins over <paramref name="defaultBaseAddress"/>.</param>
    /// <param name="disposeHttpClient">Whether disposing the pipeline disposes <paramref name="httpClient"/>.</param>
    /// <param name="defaultBaseAddress">The address to use when the options set none, e.g. the spec's first server.</param>
    public ApiPipeline(HttpClient httpClient, MagicHourClientOptions? options, bool disposeHttpClient, Uri? defaultBaseAddress)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        Options = options ?? new MagicHourClientOptions();
        Options.Validate();
        _credential = new ApiKeyCredential(Options.ResolveApiKey());
        _baseAddress = Options.ResolveBaseAddress(defaultBaseAddress);
        _disposeHttpClient = disposeHttpClient;
        Logger = new RedactingLogger(Options.LoggerFactory?.CreateLogger(LoggerCategory) ?? NullLogger.Instance, _credential);

        var retry = new RetryPolicy(Options.Retry, Logger);
        var redirect = new RedirectPolicy(MaxRedirects);
        var logging = new LoggingPolicy(Logger);
        var transport = new TransportPolicy(_httpClient, Options.NetworkTimeout, Options.MaxBufferedResponseBytes, _credential);
        _apiPolicies = [retry, redirect, new AuthenticationPolicy(_credential, _baseAddress), logging, transport];

        // Uploads and downloads have no authentication policy: the key is simply never in their pipeline.
        _assetPolicies = [retry, redirect, logging, transport];
    }

    /// <summary>Creates a pipeline with its own <see cref="HttpClient"/>, which it disposes.</summary>
    public static ApiPipeline Create(MagicHourClientOptions? options = null) => Create(options, defaultBaseAddress: null);

    /// <summary>Creates a pipeline with its own <see cref="HttpClient"/>, defaulting to <paramref name="defaultBaseAddress"/>.</summary>
    public static ApiPipeline Create(MagicHourClientOptions? options, Uri? defaultBaseAddress)
    {
        var httpClient = new HttpClient(CreateDefaultHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            return new(httpClient, options, disposeHttpClient: true, defaultBaseAddress);
        }
        catch
        {
            httpClient.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The handler the client uses when it makes its own <see cref="HttpClient"/>: automatic redirects off, so the
    /// pipeline follows them and decides per hop whether the key may go along.
    /// </summary>
    public static HttpMessageHandler CreateDefaultHandler() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>The client's options.</summary>
    public MagicHourClientOptions Options { get; }

    /// <summary>
    /// The logger of the runtime (a no-op logger when the options have no logger factory). Everything logged through it
    /// has the API key redacted.
    /// </summary>
    public ILogger Logger { get; }

    /// <summary>The address requests go to.</summary>
    public Uri BaseAddress => _baseAddress;

    /// <summary>The redactor of everything built from server data.</summary>
    internal ApiKeyCredential Credential => _credential;

    /// <summary>Sends <paramref name="request"/> and reads the JSON response with <paramref name="readBody"/>.</summary>
    public async Task<T> SendAsync<T>(ApiRequest request, JsonValueReader<T> readBody, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(readBody);
        using HttpResponseMessage response = await SendCoreAsync(request, request.Accept ?? JsonMediaType, bufferResponse: true, cancellationToken).ConfigureAwait(false);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var reader = new Utf8JsonReader(body);
            JsonSupport.Read(ref reader);
            return readBody(ref reader);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw InvalidResponse(request, response, "the response is not the JSON the API promises", ex);
        }
    }

    /// <summary>Sends <paramref name="request"/>, expecting no response body; no <c>Accept</c> header is sent unless the request sets one.</summary>
    public async Task SendAsync(ApiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using HttpResponseMessage response = await SendCoreAsync(request, request.Accept, bufferResponse: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="request"/> and reads the text response, decoded with the charset the server names (UTF-8 by default).</summary>
    public async Task<string> SendForStringAsync(ApiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using HttpResponseMessage response = await SendCoreAsync(request, request.Accept ?? "text/*", bufferResponse: true, cancellationToken).ConfigureAwait(false);
        try
        {
            return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            // The charset the server named is not one .NET knows.
            throw InvalidResponse(request, response, "the response text cannot be decoded", ex);
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> and returns the binary response as soon as its headers arrive, its body still
    /// streaming: every read of <see cref="BinaryResponse.Content"/> must get data within the network timeout, else it
    /// throws a <see cref="MagicHourApiException"/> of kind <see cref="MagicHourErrorKind.Timeout"/>. The caller must
    /// dispose the result, which releases the response and its connection.
    /// </summary>
    public async Task<BinaryResponse> SendForBinaryAsync(ApiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        HttpResponseMessage response = await SendCoreAsync(request, request.Accept ?? "*/*", bufferResponse: false, cancellationToken).ConfigureAwait(false);
        try
        {
            return new BinaryResponse(response, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends a request to an absolute, pre-signed upload or download URL. It never carries the API key, whatever the
    /// host; it is retried like an idempotent request. The response has a success status and its headers read; the
    /// caller reads the body as a stream (every read bounded by the network timeout, as for
    /// <see cref="SendForBinaryAsync"/>) and disposes it.
    /// </summary>
    /// <param name="method">GET for a download, PUT for an upload.</param>
    /// <param name="uri">The pre-signed http(s) URL.</param>
    /// <param name="createContent">Makes the body anew for each attempt, or null.</param>
    /// <param name="operation">A name for logs and errors, e.g. <c>upload</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<HttpResponseMessage> SendUnauthenticatedAsync(
        HttpMethod method, Uri uri, Func<HttpContent?>? createContent, string operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(operation);
        if (!UriSafety.IsHttp(uri))
        {
            throw new ArgumentException($"'{UriSafety.ForLog(uri)}' is not an absolute http(s) URL.", nameof(uri));
        }

        using var message = new PipelineMessage(method, uri, operation, authenticate: false, isIdempotent: true, createContent, null, cancellationToken)
        {
            BufferResponse = false,
        };
        return await RunAsync(message, operation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the HTTP client when the pipeline owns it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Never shows the API key.</summary>
    public override string ToString() => $"ApiPipeline {{ BaseAddress = {_baseAddress}, ApiKey = *** }}";

    /// <summary>Releases the HTTP client when the pipeline owns it.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _disposeHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    private async Task<HttpResponseMessage> SendCoreAsync(ApiRequest request, string? accept, bool bufferResponse, CancellationToken cancellationToken)
    {
        var headers = new List<KeyValuePair<string, string>>(request.Headers.Count + 1);
        if (accept is not null)
        {
            headers.Add(new("Accept", accept));
        }

        headers.AddRange(request.Headers);
        using var message = new PipelineMessage(
            request.Method,
            new Uri(_baseAddress.AbsoluteUri.TrimEnd('/') + request.BuildRelativeUri(), VerbatimPath),
            request.OperationId,
            authenticate: true,
            request.IsIdempotent,
            request.CreateContent,
            headers,
            cancellationToken)
        {
            CanResendBody = () => request.CanResendBody,
            BufferResponse = bufferResponse,
        };
        return await RunAsync(message, request.OperationId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> RunAsync(PipelineMessage message, string operation, CancellationToken cancellationToken)
    {
        await new PipelineNext(message.Authenticate ? _apiPolicies : _assetPolicies, 0).InvokeAsync(message).ConfigureAwait(false);
        HttpResponseMessage response = message.TakeResponse();
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ErrorResponses.CreateAsync(response, operation, _credential, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A success response whose body is unusable. The server answered, so it processed the request: a create was charged.
    /// The reader's exception is kept only in a sanitized copy, as its message may quote what the server sent.
    /// </summary>
    private MagicHourApiException InvalidResponse(ApiRequest request, HttpResponseMessage response, string what, Exception ex) => new(
        MagicHourErrorKind.InvalidResponse,
        $"{request.OperationId}: {what}: {_credential.Redact(ex.Message)}",
        response.StatusCode,
        operationId: request.OperationId,
        requestId: _credential.Redact(ResponseHeaders.RequestIdOf(response)),
        innerException: _credential.Sanitize(ex))
    {
        RequestMayHaveBeenProcessed = !request.IsIdempotent,
    };
}

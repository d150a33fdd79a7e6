using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MagicHour.Runtime.Http.Policies;
using MagicHour.Runtime.Json;
using MagicHour.Runtime.Logging;
using MagicHour.Runtime.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MagicHour.Runtime.Http;

/// <summary>
/// Sends the requests that generated clients describe through a System.ClientModel <see cref="ClientPipeline"/>
/// (User-Agent, the credit-safe retry policy, redirects, the API key, your policies, message logging, body reading,
/// the <see cref="HttpClient"/> transport), maps failures to <see cref="MagicHourApiException"/>, reads JSON responses
/// with the generated readers and traces every call.
/// </summary>
public class ApiPipeline : IDisposable
{
    /// <summary>The logger category of everything the runtime logs itself.</summary>
    public const string LoggerCategory = "MagicHour.Runtime";

    private const int MaxRedirects = 5;
    private const string JsonMediaType = "application/json";

    // The path is built from escaped segments already; canonicalizing it would turn an id such as ".." (even as %2E%2E)
    // into a dot segment and send the request to another endpoint.
    private static readonly UriCreationOptions VerbatimPath = new() { DangerousDisablePathAndQueryCanonicalization = true };

    // Only 2xx is a success; a 3xx that was not followed is an error too.
    private static readonly PipelineMessageClassifier Success2xx = PipelineMessageClassifier.Create(Codes(200, 299));

    private readonly HttpClient? _ownedHttpClient;
    private readonly ClientPipelineOptions _pipelineOptions;
    private readonly Uri _baseAddress;

    /// <summary>Creates a pipeline over <paramref name="httpClient"/> (which should not follow redirects itself).</summary>
    /// <param name="httpClient">The HTTP client to send with; null makes one, which the pipeline disposes.</param>
    /// <param name="options">The client's options; their <see cref="MagicHourClientOptions.BaseAddress"/>, or else the
    /// <c>MAGIC_HOUR_BASE_URL</c> environment variable, wins over <paramref name="defaultBaseAddress"/>.</param>
    /// <param name="credential">The API key, which may be rotated with <see cref="ApiKeyCredential.Update"/>; null takes
    /// <see cref="MagicHourClientOptions.ApiKey"/> or the <c>MAGIC_HOUR_API_KEY</c> environment variable.</param>
    /// <param name="defaultBaseAddress">The address to use when the options set none, e.g. the spec's first server.</param>
    /// <exception cref="InvalidOperationException">No API key is given, set in the options or in the environment.</exception>
    /// <exception cref="ArgumentException">The base address (from the options or <c>MAGIC_HOUR_BASE_URL</c>) is not https, nor http to a loopback address.</exception>
    public ApiPipeline(HttpClient? httpClient, MagicHourClientOptions? options = null, ApiKeyCredential? credential = null, Uri? defaultBaseAddress = null)
    {
        Options = options ?? new MagicHourClientOptions();
        Options.Validate();
        Credential = credential ?? new ApiKeyCredential(Options.ResolveApiKey());
        _baseAddress = Options.ResolveBaseAddress(defaultBaseAddress);
        Redactor = new KeyRedactor(Credential);

        // The user's options stay theirs; the pipeline is built from a copy with the client's own parts filled in.
        _pipelineOptions = Options.Clone();
        ClientLoggingOptions logging = Options.ClientLoggingOptions?.Clone() ?? new ClientLoggingOptions();
        if (logging.LoggerFactory is { } loggerFactory)
        {
            logging.LoggerFactory = new RedactingLoggerFactory(loggerFactory, Redactor);
        }

        bool loggingOn = logging.EnableLogging != false;
        Logger = loggingOn && logging.LoggerFactory is { } factory ? factory.CreateLogger(LoggerCategory) : NullLogger.Instance;
        _pipelineOptions.ClientLoggingOptions = logging;
        _pipelineOptions.RetryPolicy ??= new CreditSafeRetryPolicy(Options.Retry, Logger);
        _pipelineOptions.MessageLoggingPolicy = new AssetAwareLoggingPolicy(Options.MessageLoggingPolicy ?? new MessageLoggingPolicy(logging));
        if (_pipelineOptions.Transport is null)
        {
            _ownedHttpClient = httpClient is null ? new HttpClient(CreateDefaultHandler()) { Timeout = Timeout.InfiniteTimeSpan } : null;
            _pipelineOptions.Transport = new HttpClientPipelineTransport(httpClient ?? _ownedHttpClient, loggingOn, logging.LoggerFactory);
        }

        Pipeline = ClientPipeline.Create(
            _pipelineOptions,
            [new UserAgentPolicy(typeof(ApiPipeline).Assembly, Options.ApplicationId)],
            [new RedirectPolicy(MaxRedirects), new ApiKeyPolicy(Redactor, _baseAddress)],
            [new ResponseBodyPolicy(Options.MaxBufferedResponseBytes, Redactor)]);
    }

    /// <summary>Creates a pipeline with its own <see cref="HttpClient"/>, which it disposes.</summary>
    public static ApiPipeline Create(MagicHourClientOptions? options = null, Uri? defaultBaseAddress = null) => new(null, options, null, defaultBaseAddress);

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

    /// <summary>The client's options, as given.</summary>
    public MagicHourClientOptions Options { get; }

    /// <summary>The System.ClientModel pipeline every request goes through.</summary>
    public ClientPipeline Pipeline { get; }

    /// <summary>The API key; <see cref="ApiKeyCredential.Update"/> takes effect on the next request.</summary>
    public ApiKeyCredential Credential { get; }

    /// <summary>
    /// The logger of the runtime (a no-op logger when the options' <see cref="ClientLoggingOptions"/> have no logger
    /// factory). Everything logged through it has the API key redacted.
    /// </summary>
    public ILogger Logger { get; }

    /// <summary>The address requests go to.</summary>
    public Uri BaseAddress => _baseAddress;

    /// <summary>The pipeline options with the client's own policies in place, for tracing decisions.</summary>
    internal ClientPipelineOptions PipelineOptions => _pipelineOptions;

    /// <summary>The redactor of everything built from server data.</summary>
    internal KeyRedactor Redactor { get; }

    /// <summary>Sends <paramref name="request"/> and reads the JSON response with <paramref name="readBody"/>.</summary>
    /// <param name="request">What to send.</param>
    /// <param name="readBody">The generated reader of the response.</param>
    /// <param name="options">Per-call headers, policies, error behaviour and cancellation; null for none.</param>
    /// <param name="cancellationToken">Cancels the call (as does the options' token).</param>
    /// <returns>The value with the response it was read from. With <see cref="ClientErrorBehaviors.NoThrow"/>, an error
    /// status gives a result whose value is default and whose raw response has the status.</returns>
    public Task<ClientResult<T>> SendAsync<T>(ApiRequest request, JsonValueReader<T> readBody, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readBody);
        return SendAsync(request, request?.Accept ?? JsonMediaType, buffer: true, options, cancellationToken, response =>
        {
            if (response.IsError)
            {
                return ClientResult.FromOptionalValue<T>(default, response)!;
            }

            var reader = new Utf8JsonReader(response.Content);
            JsonSupport.Read(ref reader);
            return ClientResult.FromValue(readBody(ref reader), response);
        });
    }

    /// <summary>Sends <paramref name="request"/>, expecting no response body; no <c>Accept</c> header is sent unless the request sets one.</summary>
    public Task<ClientResult> SendAsync(ApiRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(request, request?.Accept, buffer: true, options, cancellationToken, ClientResult.FromResponse);

    /// <summary>Sends <paramref name="request"/> and reads the text response, decoded with the charset the server names (UTF-8 by default).</summary>
    public Task<ClientResult<string>> SendForStringAsync(ApiRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(request, request?.Accept ?? "text/*", buffer: true, options, cancellationToken, response => ClientResult.FromValue(response.IsError ? string.Empty : Decode(response), response));

    /// <summary>
    /// Sends <paramref name="request"/> and returns the binary response as soon as its headers arrive, its body still
    /// streaming: every read of <see cref="BinaryResponse.Content"/> must get data within the network timeout, else it
    /// throws a <see cref="MagicHourApiException"/> of kind <see cref="MagicHourErrorKind.Timeout"/>. The caller must
    /// dispose the result, which releases the response and its connection.
    /// </summary>
    public Task<ClientResult<BinaryResponse>> SendForBinaryAsync(ApiRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(request, request?.Accept ?? "*/*", buffer: false, options, cancellationToken, response => ClientResult.FromValue(new BinaryResponse(response), response));

    /// <summary>
    /// Sends a request to an absolute, pre-signed upload or download URL. It never carries the API key, whatever the
    /// host; it is retried like an idempotent request. The response has a success status and its headers read; the
    /// caller reads <see cref="PipelineResponse.ContentStream"/> (every read bounded by the network timeout, as for
    /// <see cref="SendForBinaryAsync"/>) and disposes it.
    /// </summary>
    /// <param name="method">GET for a download, PUT for an upload.</param>
    /// <param name="uri">The pre-signed http(s) URL.</param>
    /// <param name="createContent">Makes the body anew for each attempt, or null.</param>
    /// <param name="operation">A name for logs, spans and errors, e.g. <c>upload</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<PipelineResponse> SendUnauthenticatedAsync(
        HttpMethod method, Uri uri, Func<HttpContent>? createContent, string operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(operation);
        if (!UriSafety.IsHttp(uri))
        {
            throw new ArgumentException($"'{UriSafety.ForLog(uri)}' is not an absolute http(s) URL.", nameof(uri));
        }

        using Activity? activity = MagicHourTelemetry.StartCall(_pipelineOptions, operation, method.Method, uri);
        try
        {
            using PipelineMessage message = Pipeline.CreateMessage(uri, method.Method, Success2xx);
            new MessageContext(operation, isIdempotent: true, authenticate: false, bufferBody: false).AttachTo(message);
            if (createContent is not null)
            {
                var body = new HttpContentBody(createContent);
                message.Request.Content = body;
                SetContentType(message, body.MediaType);
            }

            PipelineResponse response = await SendMessageAsync(message, operation, null, cancellationToken).ConfigureAwait(false);
            Succeeded(activity, response);
            return response;
        }
        catch (Exception ex)
        {
            MagicHourTelemetry.Fail(activity, ex);
            throw;
        }
    }

    /// <summary>Releases the HTTP client when the pipeline made it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Never shows the API key.</summary>
    public override string ToString() => $"ApiPipeline {{ BaseAddress = {_baseAddress}, ApiKey = *** }}";

    /// <summary>Releases the HTTP client when the pipeline made it.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
        }
    }

    private static ReadOnlySpan<ushort> Codes(ushort first, ushort last)
    {
        var codes = new ushort[last - first + 1];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = (ushort)(first + i);
        }

        return codes;
    }

    private static string Decode(PipelineResponse response)
    {
        string? charset = response.Headers.TryGetValue("Content-Type", out string? type)
            && System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(type, out var mediaType) ? mediaType.CharSet?.Trim('"') : null;
        System.Text.Encoding encoding = string.IsNullOrEmpty(charset) ? System.Text.Encoding.UTF8 : System.Text.Encoding.GetEncoding(charset);
        return encoding.GetString(response.Content.ToMemory().Span);
    }

    private static void SetContentType(PipelineMessage message, string? mediaType)
    {
        if (mediaType is not null)
        {
            message.Request.Headers.Set("Content-Type", mediaType);
        }
    }

    private static void Succeeded(Activity? activity, PipelineResponse response)
    {
        activity?.SetTag("http.response.status_code", response.Status);
        if (response.IsError)
        {
            activity?.SetTag("error.type", response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            activity?.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>
    /// One traced API call: sends, then reads the response (with <see cref="ClientErrorBehaviors.NoThrow"/>, an error
    /// status too, which <paramref name="read"/> turns into a result with no value). A body that does not read is an
    /// invalid response.
    /// </summary>
    private async Task<TResult> SendAsync<TResult>(
        ApiRequest request, string? accept, bool buffer, RequestOptions? options, CancellationToken cancellationToken, Func<PipelineResponse, TResult> read)
        where TResult : ClientResult
    {
        ArgumentNullException.ThrowIfNull(request);
        using Activity? activity = MagicHourTelemetry.StartCall(_pipelineOptions, request.OperationId, request.Method.Method, new Uri(_baseAddress, request.Path));
        try
        {
            PipelineResponse response = await SendCoreAsync(request, accept, buffer, options, cancellationToken).ConfigureAwait(false);
            Succeeded(activity, response);
            try
            {
                return read(response);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
            {
                throw InvalidResponse(request, response, accept == JsonMediaType ? "the response is not the JSON the API promises" : "the response text cannot be decoded", ex);
            }
        }
        catch (Exception ex)
        {
            MagicHourTelemetry.Fail(activity, ex);
            throw;
        }
    }

    private async Task<PipelineResponse> SendCoreAsync(ApiRequest request, string? accept, bool buffer, RequestOptions? options, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseAddress.AbsoluteUri.TrimEnd('/') + request.BuildRelativeUri(), VerbatimPath);
        using PipelineMessage message = Pipeline.CreateMessage(uri, request.Method.Method, Success2xx);
        new MessageContext(request.OperationId, request.IsIdempotent, authenticate: true, buffer) { CanResendBody = () => request.CanResendBody }.AttachTo(message);
        if (accept is not null)
        {
            message.Request.Headers.Set("Accept", accept);
        }

        foreach ((string name, string value) in request.Headers)
        {
            message.Request.Headers.Add(name, value);
        }

        message.Request.Content = request.CreateContent(out string? mediaType);
        SetContentType(message, mediaType);
        return await SendMessageAsync(message, request.OperationId, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the message and hands its response to the caller: a success, else (unless the options say not to throw) the error.</summary>
    private async Task<PipelineResponse> SendMessageAsync(PipelineMessage message, string operation, RequestOptions? options, CancellationToken cancellationToken)
    {
        message.Apply(options);

        // The runtime reads bodies itself (within the timeout, up to a limit); System.ClientModel only streams them.
        message.BufferResponse = false;
        CancellationToken callToken = options?.CancellationToken ?? default;
        using CancellationTokenSource? linked = callToken.CanBeCanceled && cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(callToken, cancellationToken)
            : null;
        await Pipeline.SendAsync(message, linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : callToken)).ConfigureAwait(false);
        PipelineResponse response = message.ExtractResponse() ?? throw new InvalidOperationException("The pipeline produced no response.");
        if (!response.IsError || options?.ErrorOptions.HasFlag(ClientErrorBehaviors.NoThrow) == true)
        {
            return response;
        }

        throw ErrorResponses.Create(response, operation, Redactor);
    }

    /// <summary>
    /// A success response whose body is unusable. The server answered, so it processed the request: a create was charged.
    /// The reader's exception is kept only in a sanitized copy, as its message may quote what the server sent.
    /// </summary>
    private MagicHourApiException InvalidResponse(ApiRequest request, PipelineResponse response, string what, Exception ex) => new(
        MagicHourErrorKind.InvalidResponse,
        $"{request.OperationId}: {what}: {Redactor.Redact(ex.Message)}",
        response,
        operationId: request.OperationId,
        requestId: Redactor.Redact(ResponseHeaders.RequestIdOf(response)),
        innerException: Redactor.Sanitize(ex))
    {
        RequestMayHaveBeenProcessed = !request.IsIdempotent,
    };
}

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

    private readonly HttpClient? _ownedHttpClient;
    private readonly ClientPipeline _assetPipeline;

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
        BaseAddress = Options.ResolveBaseAddress(defaultBaseAddress);
        Redactor = new KeyRedactor(Credential);

        // The user's options stay theirs; the pipelines are built from a copy with the client's own parts filled in.
        PipelineOptions = Options.Clone();
        ClientLoggingOptions logging = PipelineOptions.ClientLoggingOptions ??= new ClientLoggingOptions();
        bool loggingOn = logging.EnableLogging != false;
        if (logging.LoggerFactory is { } loggerFactory)
        {
            logging.LoggerFactory = new RedactingLoggerFactory(loggerFactory, Redactor);
        }

        Logger = loggingOn && logging.LoggerFactory is { } factory ? factory.CreateLogger(LoggerCategory) : NullLogger.Instance;
        PipelineOptions.RetryPolicy ??= new CreditSafeRetryPolicy(Options.Retry, Logger);
        if (PipelineOptions.Transport is null)
        {
            _ownedHttpClient = httpClient is null ? new HttpClient(CreateDefaultHandler()) { Timeout = Timeout.InfiniteTimeSpan } : null;
            PipelineOptions.Transport = new HttpClientPipelineTransport(httpClient ?? _ownedHttpClient, loggingOn, logging.LoggerFactory);
        }

        // Uploads and downloads go through a pipeline that has no key to add, and no System.ClientModel message logging:
        // a pre-signed URL carries its signature in the query, so the runtime logs them by path alone.
        ClientPipelineOptions assetOptions = PipelineOptions.Clone();
        assetOptions.ClientLoggingOptions!.EnableMessageLogging = false;
        assetOptions.ClientLoggingOptions.EnableMessageContentLogging = false;
        var userAgent = new UserAgentPolicy(typeof(ApiPipeline).Assembly, Options.ApplicationId);
        var body = new ResponseBodyPolicy(Options.MaxBufferedResponseBytes, Redactor);
        Pipeline = ClientPipeline.Create(PipelineOptions, [userAgent], [new RedirectPolicy(MaxRedirects), new ApiKeyPolicy(Redactor, BaseAddress)], [body]);
        _assetPipeline = ClientPipeline.Create(assetOptions, [userAgent], [new RedirectPolicy(MaxRedirects)], [body]);
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

    /// <summary>The System.ClientModel pipeline every API call goes through.</summary>
    public ClientPipeline Pipeline { get; }

    /// <summary>The API key; <see cref="ApiKeyCredential.Update"/> takes effect on the next request.</summary>
    public ApiKeyCredential Credential { get; }

    /// <summary>
    /// The logger of the runtime (a no-op logger when the options' <see cref="ClientLoggingOptions"/> have no logger
    /// factory). Everything logged through it has the API key redacted.
    /// </summary>
    public ILogger Logger { get; }

    /// <summary>The address requests go to.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The pipeline options with the client's own policies in place, for tracing decisions.</summary>
    internal ClientPipelineOptions PipelineOptions { get; }

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
        return SendRequestAsync(request, request?.Accept ?? JsonMediaType, bufferBody: true, options, cancellationToken, response =>
        {
            if (response.IsError)
            {
                return ClientResult.FromOptionalValue<T>(default, response)!;
            }

            var reader = new JsonModelReader(new Utf8JsonReader(response.Content));
            reader.Next();
            return ClientResult.FromValue(readBody(ref reader.Utf8), response);
        });
    }

    /// <summary>Sends <paramref name="request"/>, expecting no response body; no <c>Accept</c> header is sent unless the request sets one.</summary>
    public Task<ClientResult> SendAsync(ApiRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendRequestAsync(request, request?.Accept, bufferBody: true, options, cancellationToken, ClientResult.FromResponse);

    /// <summary>Sends <paramref name="request"/> and reads the text response, decoded with the charset the server names (UTF-8 by default).</summary>
    public Task<ClientResult<string>> SendForStringAsync(ApiRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendRequestAsync(request, request?.Accept ?? "text/*", bufferBody: true, options, cancellationToken, response => ClientResult.FromValue(response.IsError ? string.Empty : Decode(response), response));

    /// <summary>
    /// Sends <paramref name="request"/> and returns the binary response as soon as its headers arrive, its body still
    /// streaming: every read of <see cref="BinaryResponse.Content"/> must get data within the network timeout, else it
    /// throws a <see cref="MagicHourApiException"/> of kind <see cref="MagicHourErrorKind.Timeout"/>. The caller must
    /// dispose the result, which releases the response and its connection.
    /// </summary>
    public Task<ClientResult<BinaryResponse>> SendForBinaryAsync(ApiRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendRequestAsync(request, request?.Accept ?? "*/*", bufferBody: false, options, cancellationToken, response => ClientResult.FromValue(new BinaryResponse(response), response));

    /// <summary>
    /// Sends a request to an absolute, pre-signed upload or download URL. It never carries the API key, whatever the
    /// host; it is retried like an idempotent request. The response has a success status and its headers read; the
    /// caller reads <see cref="PipelineResponse.ContentStream"/> (every read bounded by the network timeout, as for
    /// <see cref="SendForBinaryAsync"/>) and disposes it.
    /// </summary>
    /// <param name="method">GET for a download, PUT for an upload.</param>
    /// <param name="uri">The pre-signed http(s) URL.</param>
    /// <param name="content">The body, or null; a retry sends it again, so a stream must be seekable (<see cref="BinaryContent.Create(System.IO.Stream)"/>).</param>
    /// <param name="operation">A name for logs, spans and errors, e.g. <c>upload</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<PipelineResponse> SendUnauthenticatedAsync(HttpMethod method, Uri uri, BinaryContent? content, string operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(operation);
        if (!UriSafety.IsHttp(uri))
        {
            throw new ArgumentException($"'{UriSafety.ForLog(uri)}' is not an absolute http(s) URL.", nameof(uri));
        }

        PipelineMessage message = _assetPipeline.CreateMessage(uri, method.Method, CreditSafeClassifier.Instance);
        new MessageContext(operation, IsIdempotent: true, BufferBody: false).AttachTo(message);
        message.Request.Content = content;
        return SendTracedAsync(_assetPipeline, message, null, cancellationToken, static response => response);
    }

    /// <summary>Releases the HTTP client when the pipeline made it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Never shows the API key.</summary>
    public override string ToString() => $"ApiPipeline {{ BaseAddress = {BaseAddress}, ApiKey = *** }}";

    /// <summary>Releases the HTTP client when the pipeline made it.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
        }
    }

    private static string Decode(PipelineResponse response)
    {
        string? charset = response.Headers.TryGetValue("Content-Type", out string? type)
            && System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(type, out var mediaType) ? mediaType.CharSet?.Trim('"') : null;
        System.Text.Encoding encoding = string.IsNullOrEmpty(charset) ? System.Text.Encoding.UTF8 : System.Text.Encoding.GetEncoding(charset);
        return encoding.GetString(response.Content.ToMemory().Span);
    }

    private Task<TResult> SendRequestAsync<TResult>(
        ApiRequest request, string? accept, bool bufferBody, RequestOptions? options, CancellationToken cancellationToken, Func<PipelineResponse, TResult> read)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = new Uri(BaseAddress.AbsoluteUri.TrimEnd('/') + request.BuildRelativeUri(), VerbatimPath);
        PipelineMessage message = Pipeline.CreateMessage(uri, request.Method.Method, CreditSafeClassifier.Instance);
        new MessageContext(request.OperationId, request.IsIdempotent, bufferBody) { CanResendBody = () => request.CanResendBody }.AttachTo(message);
        if (accept is not null)
        {
            message.Request.Headers.Set("Accept", accept);
        }

        foreach ((string name, string value) in request.Headers)
        {
            message.Request.Headers.Add(name, value);
        }

        message.Request.Content = request.CreateContent(out string? mediaType);
        if (mediaType is not null)
        {
            message.Request.Headers.Set("Content-Type", mediaType);
        }

        return SendTracedAsync(Pipeline, message, options, cancellationToken, read);
    }

    /// <summary>
    /// One traced call: sends <paramref name="message"/> (and disposes it), then hands its response to
    /// <paramref name="read"/>: a success, or (when the options say not to throw) an error status, which
    /// <paramref name="read"/> turns into a result with no value. A body that does not read is an invalid response.
    /// </summary>
    private async Task<TResult> SendTracedAsync<TResult>(
        ClientPipeline pipeline, PipelineMessage message, RequestOptions? options, CancellationToken cancellationToken, Func<PipelineResponse, TResult> read)
    {
        using (message)
        {
            MessageContext context = MessageContext.Of(message);
            using Activity? activity = MagicHourTelemetry.StartCall(PipelineOptions, context.Operation, message.Request);
            try
            {
                message.Apply(options);

                // The body policy reads bodies itself (within the timeout, up to a limit); System.ClientModel only streams them.
                message.BufferResponse = false;
                using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, options?.CancellationToken ?? default);
                await pipeline.SendAsync(message, cancellation.Token).ConfigureAwait(false);
                PipelineResponse response = message.ExtractResponse()!;
                MagicHourTelemetry.Answered(activity, response);
                if (response.IsError && options?.ErrorOptions.HasFlag(ClientErrorBehaviors.NoThrow) != true)
                {
                    throw ErrorResponses.Create(response, context.Operation, Redactor);
                }

                try
                {
                    return read(response);
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
                {
                    throw context.InvalidResponse(response, $"the response body is not what the API promises: {Redactor.Redact(ex.Message)}", Redactor, ex);
                }
            }
            catch (Exception ex)
            {
                MagicHourTelemetry.Fail(activity, ex);
                throw;
            }
        }
    }
}

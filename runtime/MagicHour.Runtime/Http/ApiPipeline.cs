using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MagicHour.Runtime.Json;

namespace MagicHour.Runtime.Http;

/// <summary>
/// Sends the requests that generated clients describe: adds authentication, maps failures to
/// <see cref="MagicHourApiException"/> and reads JSON responses with the generated readers.
/// </summary>
public class ApiPipeline : IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly bool _disposeHttpClient;
    private readonly string _apiKey;

    /// <summary>Creates a pipeline over <paramref name="httpClient"/>.</summary>
    public ApiPipeline(HttpClient httpClient, MagicHourClientOptions? options = null, bool disposeHttpClient = false)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _disposeHttpClient = disposeHttpClient;
        Options = options ?? new MagicHourClientOptions();
        _apiKey = Options.ApiKey ?? Environment.GetEnvironmentVariable(MagicHourClientOptions.ApiKeyEnvironmentVariable)
            ?? throw new InvalidOperationException(
                $"No Magic Hour API key: set {nameof(MagicHourClientOptions)}.{nameof(MagicHourClientOptions.ApiKey)} or the {MagicHourClientOptions.ApiKeyEnvironmentVariable} environment variable.");
    }

    /// <summary>Creates a pipeline with its own <see cref="HttpClient"/>.</summary>
    public static ApiPipeline Create(MagicHourClientOptions? options = null) => new(new HttpClient(), options, disposeHttpClient: true);

    /// <summary>The client's options.</summary>
    public MagicHourClientOptions Options { get; }

    /// <summary>Sends <paramref name="request"/> and reads the JSON response with <paramref name="readBody"/>.</summary>
    public async Task<T> SendAsync<T>(ApiRequest request, JsonValueReader<T> readBody, CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var reader = new Utf8JsonReader(body);
            JsonSupport.Read(ref reader);
            T value = readBody(ref reader);
            return value;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new MagicHourApiException(
                MagicHourErrorKind.InvalidResponse,
                $"{request.OperationId}: the response is not the JSON the API promises: {ex.Message}",
                response.StatusCode,
                operationId: request.OperationId,
                requestId: RequestIdOf(response),
                innerException: ex);
        }
    }

    /// <summary>Sends <paramref name="request"/>, expecting no response body.</summary>
    public async Task SendAsync(ApiRequest request, CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the HTTP client when the pipeline owns it.</summary>
    public void Dispose()
    {
        if (_disposeHttpClient)
        {
            _httpClient.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private async Task<HttpResponseMessage> SendCoreAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, new Uri(Options.BaseAddress, request.BuildRelativeUri()));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var header in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        message.Content = request.CreateContent();
        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new MagicHourApiException(MagicHourErrorKind.Network, $"{request.OperationId}: {ex.Message}", operationId: request.OperationId, innerException: ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            string? serverMessage = await ReadServerMessageAsync(response, cancellationToken).ConfigureAwait(false);
            MagicHourErrorKind kind = MagicHourApiException.KindOf(response.StatusCode);
            throw new MagicHourApiException(
                kind,
                $"{request.OperationId} failed with {(int)response.StatusCode} ({response.StatusCode}){(serverMessage is null ? "." : $": {serverMessage}")}",
                response.StatusCode,
                serverMessage,
                request.OperationId,
                RequestIdOf(response));
        }
    }

    private static async Task<string?> ReadServerMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using JsonDocument document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out JsonElement message)
                && message.ValueKind == JsonValueKind.String
                ? message.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-request-id", out var values) ? string.Join(",", values) : null;
}

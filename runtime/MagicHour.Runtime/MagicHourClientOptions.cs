using System;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Projects;
using Microsoft.Extensions.Logging;

namespace MagicHour.Runtime;

/// <summary>Settings of a Magic Hour client: credentials, endpoint, timeouts, retries, polling and logging.</summary>
public sealed class MagicHourClientOptions
{
    /// <summary>The environment variable read when <see cref="ApiKey"/> is not set.</summary>
    public const string ApiKeyEnvironmentVariable = "MAGIC_HOUR_API_KEY";

    /// <summary>The environment variable read when <see cref="BaseAddress"/> is not set, e.g. to point a client at a staging server, a proxy or a mock.</summary>
    public const string BaseAddressEnvironmentVariable = "MAGIC_HOUR_BASE_URL";

    /// <summary>The API's production address.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.magichour.ai");

    // A JSON or text response is held in memory whole; one this large is not an answer of this API.
    private const int DefaultMaxBufferedResponseBytes = 64 * 1024 * 1024;

    /// <summary>The API key; when null, <see cref="ApiKeyEnvironmentVariable"/> is read.</summary>
    public string? ApiKey { get; set; }

    private Uri? _baseAddress;

    /// <summary>
    /// The API's base address. It must be <c>https</c>, or <c>http</c> to a loopback address (a local emulator),
    /// because the API key travels with every call. When not set, the client takes, in this order: the
    /// <see cref="BaseAddressEnvironmentVariable"/> environment variable, the first server of a generated client's
    /// spec, <see cref="DefaultBaseAddress"/>.
    /// </summary>
    public Uri BaseAddress
    {
        get => _baseAddress ?? DefaultBaseAddress;
        set => _baseAddress = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Whether <see cref="BaseAddress"/> was set, rather than left to the client's default.</summary>
    public bool IsBaseAddressSet => _baseAddress is not null;

    /// <summary>
    /// How long one attempt of a request may take from sending it to the last byte of its response, when the response
    /// is JSON, text or an error (those bodies are read whole within the attempt); for a streamed body (a binary
    /// response, a download), how long any single read may wait for data. A timed-out attempt is retried like a
    /// broken connection (see <see cref="RetryOptions"/>). Default: 100 seconds.
    /// </summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>When and how often failed requests are retried.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>How a project is polled until it finishes, unless a call passes its own.</summary>
    public PollingOptions Polling { get; set; } = new();

    /// <summary>Where the client logs requests, retries and polling; null logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The largest JSON, text or error body read into memory; a larger one is an invalid response.</summary>
    internal int MaxBufferedResponseBytes { get; set; } = DefaultMaxBufferedResponseBytes;

    /// <summary>Never shows the API key.</summary>
    public override string ToString() => $"MagicHourClientOptions {{ BaseAddress = {BaseAddress}, ApiKey = {(ApiKey is null ? "(from environment)" : "***")} }}";

    /// <summary>The key from <see cref="ApiKey"/> or the environment; a clear error when there is none.</summary>
    internal string ResolveApiKey()
    {
        string? key = string.IsNullOrWhiteSpace(ApiKey) ? Environment.GetEnvironmentVariable(ApiKeyEnvironmentVariable) : ApiKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException(
                $"No Magic Hour API key: set {nameof(MagicHourClientOptions)}.{nameof(ApiKey)} or the {ApiKeyEnvironmentVariable} environment variable.");
        }

        return key.Trim();
    }

    /// <summary>
    /// The address to call: <see cref="BaseAddress"/> when set, else <see cref="BaseAddressEnvironmentVariable"/>, else
    /// <paramref name="specDefault"/> (a generated client's first server), else <see cref="DefaultBaseAddress"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The address is not https, nor http to a loopback address.</exception>
    internal Uri ResolveBaseAddress(Uri? specDefault)
    {
        if (_baseAddress is not null)
        {
            return Validate(_baseAddress, $"{nameof(MagicHourClientOptions)}.{nameof(BaseAddress)}");
        }

        string? fromEnvironment = Environment.GetEnvironmentVariable(BaseAddressEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            string source = $"The {BaseAddressEnvironmentVariable} environment variable";
            return Uri.TryCreate(fromEnvironment.Trim(), UriKind.Absolute, out Uri? parsed)
                ? Validate(parsed, source)
                : throw new ArgumentException($"{source} is '{fromEnvironment}', which is not an absolute http(s) URL such as https://api.magichour.ai.");
        }

        return Validate(specDefault ?? DefaultBaseAddress, "The default base address");
    }

    internal void Validate()
    {
        if (NetworkTimeout <= TimeSpan.Zero && NetworkTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(NetworkTimeout), NetworkTimeout, "NetworkTimeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        if (MaxBufferedResponseBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBufferedResponseBytes), MaxBufferedResponseBytes, "The response size limit must be positive.");
        }

        Retry.Validate();
        Polling.Validate();
    }

    private static Uri Validate(Uri address, string source)
    {
        if (!UriSafety.IsHttp(address))
        {
            throw new ArgumentException($"{source} is '{address}', which is not an absolute http(s) URL.");
        }

        if (!UriSafety.IsSecureOrLoopback(address))
        {
            throw new ArgumentException(
                $"{source} is {address}: plain http to another machine would send the API key unencrypted; use https (http is allowed only to a loopback address).");
        }

        return address;
    }
}

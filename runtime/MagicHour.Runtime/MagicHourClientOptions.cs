using System;
using System.ClientModel.Primitives;
using System.Globalization;
using MagicHour.Runtime.Http;
using MagicHour.Runtime.Projects;
using Microsoft.Extensions.Configuration;

namespace MagicHour.Runtime;

/// <summary>
/// Settings of a Magic Hour client: System.ClientModel's pipeline options (<see cref="ClientPipelineOptions.NetworkTimeout"/>,
/// default 100 s; <see cref="ClientPipelineOptions.ClientLoggingOptions"/>; <see cref="ClientPipelineOptions.EnableDistributedTracing"/>;
/// your own policies through <see cref="ClientPipelineOptions.AddPolicy"/>) and the API's own: key, address, retries,
/// polling and an application id for the User-Agent.
/// </summary>
/// <remarks>
/// The network timeout bounds each attempt until its response headers arrive, then the reading of a JSON, text or error
/// body (read whole, up to 64 MiB); for a streamed body (a binary response, a download) it bounds every read. A timed-out
/// or broken attempt is retried like a lost connection (see <see cref="RetryOptions"/>).
/// <para>
/// The pipeline's retry policy is the client's own, set up by <see cref="Retry"/>. A
/// <see cref="ClientPipelineOptions.RetryPolicy"/> you set replaces its count, delays and log lines, not its rule of what
/// may be repeated: that rule is the classifier of every message the client sends, and System.ClientModel's
/// <see cref="ClientRetryPolicy"/> asks it, so a create that may have been processed is still never sent again. A policy
/// of your own that decides without asking <c>message.ResponseClassifier</c> can charge a create twice.
/// </para>
/// </remarks>
public class MagicHourClientOptions : ClientPipelineOptions
{
    /// <summary>The environment variable read when no key is given.</summary>
    public const string ApiKeyEnvironmentVariable = "MAGIC_HOUR_API_KEY";

    /// <summary>The environment variable read when <see cref="BaseAddress"/> is not set, e.g. to point a client at a staging server, a proxy or a mock.</summary>
    public const string BaseAddressEnvironmentVariable = "MAGIC_HOUR_BASE_URL";

    /// <summary>The API's production address.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.magichour.ai");

    // A JSON or text response is held in memory whole; one this large is not an answer of this API.
    private const int DefaultMaxBufferedResponseBytes = 64 * 1024 * 1024;

    private Uri? _baseAddress;

    /// <summary>
    /// The API key; when null (and the client is given no <c>ApiKeyCredential</c>), <see cref="ApiKeyEnvironmentVariable"/>
    /// is read. To rotate a key without a new client, give the client an <c>ApiKeyCredential</c> and call its <c>Update</c>.
    /// </summary>
    public string? ApiKey { get; set; }

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
    /// Your application's name, put before the library's in the <c>User-Agent</c> header
    /// (<c>MyApp MagicHour.Runtime/0.1.0 (.NET 10.0; Linux)</c>); at most 24 characters.
    /// </summary>
    public string? ApplicationId { get; set; }

    /// <summary>When and how often failed requests are retried.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>How a project is polled until it finishes, unless a call passes its own.</summary>
    public PollingOptions Polling { get; set; } = new();

    /// <summary>The largest JSON, text or error body read into memory; a larger one is an invalid response.</summary>
    internal int MaxBufferedResponseBytes { get; set; } = DefaultMaxBufferedResponseBytes;

    /// <summary>
    /// Reads the settings present in <paramref name="configuration"/> (e.g. the <c>MagicHour</c> section of
    /// <c>appsettings.json</c>), by name and without reflection, so it is safe to trim: <c>ApiKey</c>, <c>BaseAddress</c>,
    /// <c>ApplicationId</c>, <c>NetworkTimeout</c> (a <see cref="TimeSpan"/> such as <c>00:00:30</c>),
    /// <c>EnableDistributedTracing</c>, <c>Retry:MaxRetries|InitialDelay|MaxDelay|MaxRetryAfter</c>,
    /// <c>Polling:InitialInterval|MaxInterval|BackoffFactor|Timeout|MaxConsecutiveFailures</c> and
    /// <c>ClientLoggingOptions:EnableLogging|EnableMessageLogging|EnableMessageContentLogging</c>. Absent keys keep their values.
    /// </summary>
    /// <exception cref="FormatException">A value present does not read as its type.</exception>
    public void Configure(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Read(configuration, nameof(ApiKey), value => ApiKey = value);
        Read(configuration, nameof(BaseAddress), value => BaseAddress = new Uri(value, UriKind.Absolute));
        Read(configuration, nameof(ApplicationId), value => ApplicationId = value);
        Read(configuration, nameof(NetworkTimeout), value => NetworkTimeout = Time(value));
        Read(configuration, nameof(EnableDistributedTracing), value => EnableDistributedTracing = bool.Parse(value));
        IConfiguration retry = configuration.GetSection(nameof(Retry));
        Read(retry, nameof(RetryOptions.MaxRetries), value => Retry.MaxRetries = Number(value));
        Read(retry, nameof(RetryOptions.InitialDelay), value => Retry.InitialDelay = Time(value));
        Read(retry, nameof(RetryOptions.MaxDelay), value => Retry.MaxDelay = Time(value));
        Read(retry, nameof(RetryOptions.MaxRetryAfter), value => Retry.MaxRetryAfter = Time(value));
        IConfiguration polling = configuration.GetSection(nameof(Polling));
        Read(polling, nameof(PollingOptions.InitialInterval), value => Polling.InitialInterval = Time(value));
        Read(polling, nameof(PollingOptions.MaxInterval), value => Polling.MaxInterval = Time(value));
        Read(polling, nameof(PollingOptions.BackoffFactor), value => Polling.BackoffFactor = double.Parse(value, CultureInfo.InvariantCulture));
        Read(polling, nameof(PollingOptions.Timeout), value => Polling.Timeout = Time(value));
        Read(polling, nameof(PollingOptions.MaxConsecutiveFailures), value => Polling.MaxConsecutiveFailures = Number(value));
        IConfiguration logging = configuration.GetSection(nameof(ClientLoggingOptions));
        Read(logging, nameof(System.ClientModel.Primitives.ClientLoggingOptions.EnableLogging), value => Logging().EnableLogging = bool.Parse(value));
        Read(logging, nameof(System.ClientModel.Primitives.ClientLoggingOptions.EnableMessageLogging), value => Logging().EnableMessageLogging = bool.Parse(value));
        Read(logging, nameof(System.ClientModel.Primitives.ClientLoggingOptions.EnableMessageContentLogging), value => Logging().EnableMessageContentLogging = bool.Parse(value));

        static int Number(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
        static TimeSpan Time(string value) => TimeSpan.Parse(value, CultureInfo.InvariantCulture);
    }

    /// <summary>Never shows the API key.</summary>
    public override string ToString() => $"MagicHourClientOptions {{ BaseAddress = {BaseAddress}, ApiKey = {(ApiKey is null ? "(from environment)" : "***")} }}";

    /// <summary>The key from <see cref="ApiKey"/> or the environment; a clear error when there is none.</summary>
    internal string ResolveApiKey()
    {
        string? key = string.IsNullOrWhiteSpace(ApiKey) ? Environment.GetEnvironmentVariable(ApiKeyEnvironmentVariable) : ApiKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException(
                $"No Magic Hour API key: set {nameof(MagicHourClientOptions)}.{nameof(ApiKey)}, give the client an ApiKeyCredential, or set the {ApiKeyEnvironmentVariable} environment variable.");
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
        if (NetworkTimeout is { } timeout && timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(NetworkTimeout), timeout, "NetworkTimeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        if (MaxBufferedResponseBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBufferedResponseBytes), MaxBufferedResponseBytes, "The response size limit must be positive.");
        }

        if (ApplicationId is { Length: > 24 })
        {
            throw new ArgumentOutOfRangeException(nameof(ApplicationId), ApplicationId, "ApplicationId has at most 24 characters.");
        }

        Retry.Validate();
        Polling.Validate();
    }

    private static void Read(IConfiguration configuration, string key, Action<string> apply)
    {
        if (configuration[key] is { Length: > 0 } value)
        {
            try
            {
                apply(value.Trim());
            }
            catch (Exception ex) when (ex is FormatException or OverflowException or UriFormatException)
            {
                // Neither the value nor the parser's message (which quotes it) is repeated: it may be the key.
                throw new FormatException($"The configuration value '{key}' cannot be read as its setting's type ({ex.GetType().Name}).");
            }
        }
    }

    private ClientLoggingOptions Logging() => ClientLoggingOptions ??= new ClientLoggingOptions();

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

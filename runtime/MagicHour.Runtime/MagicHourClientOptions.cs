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

    /// <summary>The API's production address.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.magichour.ai");

    /// <summary>The API key; when null, <see cref="ApiKeyEnvironmentVariable"/> is read.</summary>
    public string? ApiKey { get; set; }

    private Uri? _baseAddress;

    /// <summary>
    /// The API's base address. It must be <c>https</c>, or <c>http</c> to a loopback address (a local emulator),
    /// because the API key travels with every call. When not set, a generated client uses the first server of its
    /// spec, and anything else <see cref="DefaultBaseAddress"/>.
    /// </summary>
    public Uri BaseAddress
    {
        get => _baseAddress ?? DefaultBaseAddress;
        set => _baseAddress = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Whether <see cref="BaseAddress"/> was set, rather than left to the client's default.</summary>
    public bool IsBaseAddressSet => _baseAddress is not null;

    /// <summary>
    /// How long one HTTP attempt may take until the response headers arrive; for a download, how long the body may
    /// stall between two reads.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>When and how often failed requests are retried.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>How a project is polled until it finishes, unless a call passes its own.</summary>
    public PollingOptions Polling { get; set; } = new();

    /// <summary>Where the client logs requests, retries and polling; null logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

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
}

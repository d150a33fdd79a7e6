using System;

namespace MagicHour.Runtime;

/// <summary>Settings of a Magic Hour client: credentials, endpoint and timeouts.</summary>
public sealed class MagicHourClientOptions
{
    /// <summary>The environment variable read when <see cref="ApiKey"/> is not set.</summary>
    public const string ApiKeyEnvironmentVariable = "MAGIC_HOUR_API_KEY";

    /// <summary>The API's production address.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.magichour.ai");

    /// <summary>The API key; when null, <see cref="ApiKeyEnvironmentVariable"/> is read.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API's base address.</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>How long one HTTP attempt may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Never shows the API key.</summary>
    public override string ToString() => $"MagicHourClientOptions {{ BaseAddress = {BaseAddress}, ApiKey = {(ApiKey is null ? "(from environment)" : "***")} }}";
}

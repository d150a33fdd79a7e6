using System;
using System.Text.Json.Serialization;

namespace MagicHour.Json.Benchmarks.Stj.MagicHourApi;

/// <summary><c>ProjectDownload</c> of <c>spec/openapi.json</c>, written by hand for System.Text.Json.</summary>
public sealed class ProjectDownload
{
    [JsonPropertyName("url"), JsonRequired]
    public Uri Url { get; set; } = null!;

    [JsonPropertyName("expires_at"), JsonRequired]
    public DateTimeOffset ExpiresAt { get; set; }
}

using System;
using System.Text.Json.Serialization;

namespace MagicHour.Json.Benchmarks.Stj.Ghes;

/// <summary>GHES <c>nullable-license-simple</c>, written by hand for System.Text.Json.</summary>
public sealed class LicenseSimple
{
    [JsonPropertyName("key"), JsonRequired]
    public string Key { get; set; } = null!;

    [JsonPropertyName("name"), JsonRequired]
    public string Name { get; set; } = null!;

    [JsonPropertyName("url"), JsonRequired]
    public Uri? Url { get; set; }

    [JsonPropertyName("spdx_id"), JsonRequired]
    public string? SpdxId { get; set; }

    [JsonPropertyName("node_id"), JsonRequired]
    public string NodeId { get; set; } = null!;

    [JsonPropertyName("html_url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Uri? HtmlUrl { get; set; }
}

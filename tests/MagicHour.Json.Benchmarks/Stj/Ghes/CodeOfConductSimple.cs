using System;
using System.Text.Json.Serialization;

namespace MagicHour.Json.Benchmarks.Stj.Ghes;

/// <summary>GHES <c>code-of-conduct-simple</c>, written by hand for System.Text.Json.</summary>
public sealed class CodeOfConductSimple
{
    [JsonPropertyName("url"), JsonRequired]
    public Uri Url { get; set; } = null!;

    [JsonPropertyName("key"), JsonRequired]
    public string Key { get; set; } = null!;

    [JsonPropertyName("name"), JsonRequired]
    public string Name { get; set; } = null!;

    [JsonPropertyName("html_url"), JsonRequired]
    public Uri? HtmlUrl { get; set; }
}

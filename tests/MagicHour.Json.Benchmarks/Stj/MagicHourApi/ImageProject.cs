using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace MagicHour.Json.Benchmarks.Stj.MagicHourApi;

/// <summary>
/// The response of <c>GET /v1/image-projects/{id}</c> in <c>spec/openapi.json</c>, written by hand for System.Text.Json.
/// <c>status</c> is a string: the generated extensible enum is a struct over the wire string, and round-trips unknown
/// values the same way.
/// </summary>
public sealed class ImageProject
{
    [JsonPropertyName("id"), JsonRequired]
    public string Id { get; set; } = null!;

    [JsonPropertyName("name"), JsonRequired]
    public string? Name { get; set; }

    [JsonPropertyName("status"), JsonRequired]
    public string Status { get; set; } = null!;

    [JsonPropertyName("image_count"), JsonRequired]
    public int ImageCount { get; set; }

    [JsonPropertyName("type"), JsonRequired]
    public string Type { get; set; } = null!;

    [JsonPropertyName("created_at"), JsonRequired]
    public DateTimeOffset CreatedAt { get; set; }

    [JsonPropertyName("enabled"), JsonRequired]
    public bool Enabled { get; set; }

    [JsonPropertyName("credits_charged"), JsonRequired]
    public int CreditsCharged { get; set; }

    [JsonPropertyName("downloads"), JsonRequired]
    public IReadOnlyList<ProjectDownload> Downloads { get; set; } = null!;

    [JsonPropertyName("error"), JsonRequired]
    public ProjectError? Error { get; set; }
}

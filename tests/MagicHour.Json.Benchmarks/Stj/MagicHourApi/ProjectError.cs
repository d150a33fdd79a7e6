using System.Text.Json.Serialization;

namespace MagicHour.Json.Benchmarks.Stj.MagicHourApi;

/// <summary><c>ProjectError</c> of <c>spec/openapi.json</c>, written by hand for System.Text.Json.</summary>
public sealed class ProjectError
{
    [JsonPropertyName("message"), JsonRequired]
    public string Message { get; set; } = null!;

    [JsonPropertyName("code"), JsonRequired]
    public string Code { get; set; } = null!;
}

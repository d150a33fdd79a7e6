using System.Text.Json.Serialization;

namespace MagicHour.Json.Benchmarks.Stj.Ghes;

/// <summary>GHES <c>status</c> objects of <c>security-and-analysis</c>, written by hand for System.Text.Json.</summary>
public sealed class SecurityFeature
{
    [JsonPropertyName("status"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Status { get; set; }
}

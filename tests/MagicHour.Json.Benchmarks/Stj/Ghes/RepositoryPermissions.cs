using System.Text.Json.Serialization;

namespace MagicHour.Json.Benchmarks.Stj.Ghes;

/// <summary>GHES <c>permissions</c> of <c>full-repository</c> and <c>repository</c>, written by hand for System.Text.Json.</summary>
public sealed class RepositoryPermissions
{
    [JsonPropertyName("admin"), JsonRequired]
    public bool Admin { get; set; }

    [JsonPropertyName("maintain"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Maintain { get; set; }

    [JsonPropertyName("push"), JsonRequired]
    public bool Push { get; set; }

    [JsonPropertyName("triage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Triage { get; set; }

    [JsonPropertyName("pull"), JsonRequired]
    public bool Pull { get; set; }
}

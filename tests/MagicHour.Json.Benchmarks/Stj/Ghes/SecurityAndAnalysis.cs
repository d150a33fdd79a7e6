using System.Text.Json.Serialization;

namespace MagicHour.Json.Benchmarks.Stj.Ghes;

/// <summary>GHES <c>security-and-analysis</c>, written by hand for System.Text.Json.</summary>
public sealed class SecurityAndAnalysis
{
    [JsonPropertyName("advanced_security"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SecurityFeature? AdvancedSecurity { get; set; }

    [JsonPropertyName("code_security"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SecurityFeature? CodeSecurity { get; set; }

    [JsonPropertyName("dependabot_security_updates"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SecurityFeature? DependabotSecurityUpdates { get; set; }

    [JsonPropertyName("secret_scanning"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SecurityFeature? SecretScanning { get; set; }

    [JsonPropertyName("secret_scanning_push_protection"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SecurityFeature? SecretScanningPushProtection { get; set; }

    [JsonPropertyName("secret_scanning_non_provider_patterns"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SecurityFeature? SecretScanningNonProviderPatterns { get; set; }
}

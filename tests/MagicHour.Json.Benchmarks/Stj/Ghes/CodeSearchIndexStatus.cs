using System.Text.Json.Serialization;

namespace MagicHour.Json.Benchmarks.Stj.Ghes;

/// <summary>GHES <c>code_search_index_status</c> of <c>repository</c>, written by hand for System.Text.Json.</summary>
public sealed class CodeSearchIndexStatus
{
    [JsonPropertyName("lexical_search_ok"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? LexicalSearchOk { get; set; }

    [JsonPropertyName("lexical_commit_sha"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LexicalCommitSha { get; set; }
}

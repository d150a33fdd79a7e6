using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace MagicHour.Json.Benchmarks.Stj.Ghes;

/// <summary>GHES <c>repository</c> and <c>nullable-repository</c>, written by hand for System.Text.Json.</summary>
public sealed class Repository
{
    [JsonPropertyName("id"), JsonRequired]
    public long Id { get; set; }

    [JsonPropertyName("node_id"), JsonRequired]
    public string NodeId { get; set; } = null!;

    [JsonPropertyName("name"), JsonRequired]
    public string Name { get; set; } = null!;

    [JsonPropertyName("full_name"), JsonRequired]
    public string FullName { get; set; } = null!;

    [JsonPropertyName("license"), JsonRequired]
    public LicenseSimple? License { get; set; }

    [JsonPropertyName("forks"), JsonRequired]
    public int Forks { get; set; }

    [JsonPropertyName("permissions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RepositoryPermissions? Permissions { get; set; }

    [JsonPropertyName("owner"), JsonRequired]
    public SimpleUser Owner { get; set; } = null!;

    [JsonPropertyName("private"), JsonRequired]
    public bool Private { get; set; }

    [JsonPropertyName("html_url"), JsonRequired]
    public Uri HtmlUrl { get; set; } = null!;

    [JsonPropertyName("description"), JsonRequired]
    public string? Description { get; set; }

    [JsonPropertyName("fork"), JsonRequired]
    public bool Fork { get; set; }

    [JsonPropertyName("url"), JsonRequired]
    public Uri Url { get; set; } = null!;

    [JsonPropertyName("archive_url"), JsonRequired]
    public string ArchiveUrl { get; set; } = null!;

    [JsonPropertyName("assignees_url"), JsonRequired]
    public string AssigneesUrl { get; set; } = null!;

    [JsonPropertyName("blobs_url"), JsonRequired]
    public string BlobsUrl { get; set; } = null!;

    [JsonPropertyName("branches_url"), JsonRequired]
    public string BranchesUrl { get; set; } = null!;

    [JsonPropertyName("collaborators_url"), JsonRequired]
    public string CollaboratorsUrl { get; set; } = null!;

    [JsonPropertyName("comments_url"), JsonRequired]
    public string CommentsUrl { get; set; } = null!;

    [JsonPropertyName("commits_url"), JsonRequired]
    public string CommitsUrl { get; set; } = null!;

    [JsonPropertyName("compare_url"), JsonRequired]
    public string CompareUrl { get; set; } = null!;

    [JsonPropertyName("contents_url"), JsonRequired]
    public string ContentsUrl { get; set; } = null!;

    [JsonPropertyName("contributors_url"), JsonRequired]
    public Uri ContributorsUrl { get; set; } = null!;

    [JsonPropertyName("deployments_url"), JsonRequired]
    public Uri DeploymentsUrl { get; set; } = null!;

    [JsonPropertyName("downloads_url"), JsonRequired]
    public Uri DownloadsUrl { get; set; } = null!;

    [JsonPropertyName("events_url"), JsonRequired]
    public Uri EventsUrl { get; set; } = null!;

    [JsonPropertyName("forks_url"), JsonRequired]
    public Uri ForksUrl { get; set; } = null!;

    [JsonPropertyName("git_commits_url"), JsonRequired]
    public string GitCommitsUrl { get; set; } = null!;

    [JsonPropertyName("git_refs_url"), JsonRequired]
    public string GitRefsUrl { get; set; } = null!;

    [JsonPropertyName("git_tags_url"), JsonRequired]
    public string GitTagsUrl { get; set; } = null!;

    [JsonPropertyName("git_url"), JsonRequired]
    public string GitUrl { get; set; } = null!;

    [JsonPropertyName("issue_comment_url"), JsonRequired]
    public string IssueCommentUrl { get; set; } = null!;

    [JsonPropertyName("issue_events_url"), JsonRequired]
    public string IssueEventsUrl { get; set; } = null!;

    [JsonPropertyName("issues_url"), JsonRequired]
    public string IssuesUrl { get; set; } = null!;

    [JsonPropertyName("keys_url"), JsonRequired]
    public string KeysUrl { get; set; } = null!;

    [JsonPropertyName("labels_url"), JsonRequired]
    public string LabelsUrl { get; set; } = null!;

    [JsonPropertyName("languages_url"), JsonRequired]
    public Uri LanguagesUrl { get; set; } = null!;

    [JsonPropertyName("merges_url"), JsonRequired]
    public Uri MergesUrl { get; set; } = null!;

    [JsonPropertyName("milestones_url"), JsonRequired]
    public string MilestonesUrl { get; set; } = null!;

    [JsonPropertyName("notifications_url"), JsonRequired]
    public string NotificationsUrl { get; set; } = null!;

    [JsonPropertyName("pulls_url"), JsonRequired]
    public string PullsUrl { get; set; } = null!;

    [JsonPropertyName("releases_url"), JsonRequired]
    public string ReleasesUrl { get; set; } = null!;

    [JsonPropertyName("ssh_url"), JsonRequired]
    public string SshUrl { get; set; } = null!;

    [JsonPropertyName("stargazers_url"), JsonRequired]
    public Uri StargazersUrl { get; set; } = null!;

    [JsonPropertyName("statuses_url"), JsonRequired]
    public string StatusesUrl { get; set; } = null!;

    [JsonPropertyName("subscribers_url"), JsonRequired]
    public Uri SubscribersUrl { get; set; } = null!;

    [JsonPropertyName("subscription_url"), JsonRequired]
    public Uri SubscriptionUrl { get; set; } = null!;

    [JsonPropertyName("tags_url"), JsonRequired]
    public Uri TagsUrl { get; set; } = null!;

    [JsonPropertyName("teams_url"), JsonRequired]
    public Uri TeamsUrl { get; set; } = null!;

    [JsonPropertyName("trees_url"), JsonRequired]
    public string TreesUrl { get; set; } = null!;

    [JsonPropertyName("clone_url"), JsonRequired]
    public string CloneUrl { get; set; } = null!;

    [JsonPropertyName("mirror_url"), JsonRequired]
    public Uri? MirrorUrl { get; set; }

    [JsonPropertyName("hooks_url"), JsonRequired]
    public Uri HooksUrl { get; set; } = null!;

    [JsonPropertyName("svn_url"), JsonRequired]
    public Uri SvnUrl { get; set; } = null!;

    [JsonPropertyName("homepage"), JsonRequired]
    public Uri? Homepage { get; set; }

    [JsonPropertyName("language"), JsonRequired]
    public string? Language { get; set; }

    [JsonPropertyName("forks_count"), JsonRequired]
    public int ForksCount { get; set; }

    [JsonPropertyName("stargazers_count"), JsonRequired]
    public int StargazersCount { get; set; }

    [JsonPropertyName("watchers_count"), JsonRequired]
    public int WatchersCount { get; set; }

    [JsonPropertyName("size"), JsonRequired]
    public int Size { get; set; }

    [JsonPropertyName("default_branch"), JsonRequired]
    public string DefaultBranch { get; set; } = null!;

    [JsonPropertyName("open_issues_count"), JsonRequired]
    public int OpenIssuesCount { get; set; }

    [JsonPropertyName("is_template"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IsTemplate { get; set; }

    [JsonPropertyName("topics"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Topics { get; set; }

    [JsonPropertyName("has_issues"), JsonRequired]
    public bool HasIssues { get; set; }

    [JsonPropertyName("has_projects"), JsonRequired]
    public bool HasProjects { get; set; }

    [JsonPropertyName("has_wiki"), JsonRequired]
    public bool HasWiki { get; set; }

    [JsonPropertyName("has_pages"), JsonRequired]
    public bool HasPages { get; set; }

    [JsonPropertyName("has_downloads"), JsonRequired]
    public bool HasDownloads { get; set; }

    [JsonPropertyName("has_discussions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? HasDiscussions { get; set; }

    [JsonPropertyName("has_pull_requests"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? HasPullRequests { get; set; }

    [JsonPropertyName("pull_request_creation_policy"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PullRequestCreationPolicy { get; set; }

    [JsonPropertyName("archived"), JsonRequired]
    public bool Archived { get; set; }

    [JsonPropertyName("disabled"), JsonRequired]
    public bool Disabled { get; set; }

    [JsonPropertyName("visibility"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Visibility { get; set; }

    [JsonPropertyName("pushed_at"), JsonRequired]
    public DateTimeOffset? PushedAt { get; set; }

    [JsonPropertyName("created_at"), JsonRequired]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonPropertyName("updated_at"), JsonRequired]
    public DateTimeOffset? UpdatedAt { get; set; }

    [JsonPropertyName("allow_rebase_merge"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? AllowRebaseMerge { get; set; }

    [JsonPropertyName("temp_clone_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TempCloneToken { get; set; }

    [JsonPropertyName("allow_squash_merge"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? AllowSquashMerge { get; set; }

    [JsonPropertyName("allow_auto_merge"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? AllowAutoMerge { get; set; }

    [JsonPropertyName("delete_branch_on_merge"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? DeleteBranchOnMerge { get; set; }

    [JsonPropertyName("allow_update_branch"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? AllowUpdateBranch { get; set; }

    [JsonPropertyName("use_squash_pr_title_as_default"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? UseSquashPrTitleAsDefault { get; set; }

    [JsonPropertyName("squash_merge_commit_title"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SquashMergeCommitTitle { get; set; }

    [JsonPropertyName("squash_merge_commit_message"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SquashMergeCommitMessage { get; set; }

    [JsonPropertyName("merge_commit_title"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MergeCommitTitle { get; set; }

    [JsonPropertyName("merge_commit_message"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MergeCommitMessage { get; set; }

    [JsonPropertyName("allow_merge_commit"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? AllowMergeCommit { get; set; }

    [JsonPropertyName("allow_forking"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? AllowForking { get; set; }

    [JsonPropertyName("web_commit_signoff_required"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? WebCommitSignoffRequired { get; set; }

    [JsonPropertyName("open_issues"), JsonRequired]
    public int OpenIssues { get; set; }

    [JsonPropertyName("watchers"), JsonRequired]
    public int Watchers { get; set; }

    [JsonPropertyName("master_branch"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MasterBranch { get; set; }

    [JsonPropertyName("starred_at"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StarredAt { get; set; }

    [JsonPropertyName("anonymous_access_enabled"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? AnonymousAccessEnabled { get; set; }

    [JsonPropertyName("code_search_index_status"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CodeSearchIndexStatus? CodeSearchIndexStatus { get; set; }
}

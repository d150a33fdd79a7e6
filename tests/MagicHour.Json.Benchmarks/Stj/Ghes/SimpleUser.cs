using System;
using System.Text.Json.Serialization;

namespace MagicHour.Json.Benchmarks.Stj.Ghes;

/// <summary>GHES <c>simple-user</c> and <c>nullable-simple-user</c>, written by hand for System.Text.Json.</summary>
public sealed class SimpleUser
{
    [JsonPropertyName("name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; set; }

    [JsonPropertyName("email"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Email { get; set; }

    [JsonPropertyName("login"), JsonRequired]
    public string Login { get; set; } = null!;

    [JsonPropertyName("id"), JsonRequired]
    public long Id { get; set; }

    [JsonPropertyName("node_id"), JsonRequired]
    public string NodeId { get; set; } = null!;

    [JsonPropertyName("avatar_url"), JsonRequired]
    public Uri AvatarUrl { get; set; } = null!;

    [JsonPropertyName("gravatar_id"), JsonRequired]
    public string? GravatarId { get; set; }

    [JsonPropertyName("url"), JsonRequired]
    public Uri Url { get; set; } = null!;

    [JsonPropertyName("html_url"), JsonRequired]
    public Uri HtmlUrl { get; set; } = null!;

    [JsonPropertyName("followers_url"), JsonRequired]
    public Uri FollowersUrl { get; set; } = null!;

    [JsonPropertyName("following_url"), JsonRequired]
    public string FollowingUrl { get; set; } = null!;

    [JsonPropertyName("gists_url"), JsonRequired]
    public string GistsUrl { get; set; } = null!;

    [JsonPropertyName("starred_url"), JsonRequired]
    public string StarredUrl { get; set; } = null!;

    [JsonPropertyName("subscriptions_url"), JsonRequired]
    public Uri SubscriptionsUrl { get; set; } = null!;

    [JsonPropertyName("organizations_url"), JsonRequired]
    public Uri OrganizationsUrl { get; set; } = null!;

    [JsonPropertyName("repos_url"), JsonRequired]
    public Uri ReposUrl { get; set; } = null!;

    [JsonPropertyName("events_url"), JsonRequired]
    public string EventsUrl { get; set; } = null!;

    [JsonPropertyName("received_events_url"), JsonRequired]
    public Uri ReceivedEventsUrl { get; set; } = null!;

    [JsonPropertyName("type"), JsonRequired]
    public string Type { get; set; } = null!;

    [JsonPropertyName("site_admin"), JsonRequired]
    public bool SiteAdmin { get; set; }

    [JsonPropertyName("starred_at"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StarredAt { get; set; }

    [JsonPropertyName("user_view_type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UserViewType { get; set; }
}

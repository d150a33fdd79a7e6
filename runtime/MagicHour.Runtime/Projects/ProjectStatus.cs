namespace MagicHour.Runtime.Projects;

/// <summary>The statuses the API documents for image, video and audio projects.</summary>
public static class ProjectStatus
{
    /// <summary>Created, not submitted for rendering.</summary>
    public const string Draft = "draft";

    /// <summary>Waiting for a server.</summary>
    public const string Queued = "queued";

    /// <summary>Being processed.</summary>
    public const string Rendering = "rendering";

    /// <summary>Finished; the downloads are ready.</summary>
    public const string Complete = "complete";

    /// <summary>Failed; the project's error says why.</summary>
    public const string Error = "error";

    /// <summary>Canceled by the user.</summary>
    public const string Canceled = "canceled";

    /// <summary>Whether <paramref name="status"/> is one of the documented statuses (compared exactly).</summary>
    public static bool IsKnown(string? status) => status is Draft or Queued or Rendering or Complete or Error or Canceled;

    /// <summary>Whether the project can no longer change: <c>complete</c>, <c>error</c> or <c>canceled</c>. An unknown status is not terminal.</summary>
    public static bool IsTerminal(string? status) => status is Complete or Error or Canceled;

    internal static string Describe(string? status) => status is null ? "(none yet)" : $"'{status}'";
}

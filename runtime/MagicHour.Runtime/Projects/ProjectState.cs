using System.Collections.Generic;

namespace MagicHour.Runtime.Projects;

/// <summary>
/// What waiting for a project and downloading its outputs need to know about it, taken from the typed project by an
/// adapter the generator writes from the spec (the runtime itself never reads a project's JSON).
/// </summary>
/// <param name="Id">The project's id.</param>
/// <param name="Status">The status as the server sent it; see <see cref="ProjectStatus"/>. Empty when the project has none.</param>
/// <param name="Enabled">False once the project was deleted; true when the project type has no such field.</param>
/// <param name="CreditsCharged">Credits taken, net of refunds, when reported.</param>
/// <param name="DownloadUrls">The output URLs as sent (filled once the project is complete); an entry may be null or not a usable URL.</param>
/// <param name="ErrorCode">The project's error code when it failed.</param>
/// <param name="ErrorMessage">The project's error message when it failed.</param>
public sealed record ProjectState(
    string Id,
    string Status,
    bool Enabled,
    int? CreditsCharged,
    IReadOnlyList<string?> DownloadUrls,
    string? ErrorCode,
    string? ErrorMessage);
